package org.community.org.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.community.conventions.db.Db;
import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the verified token's subject, roles ({@code groups}) and scope ({@code org_units}). The scope's
 * paths are read once per request, in one query, from the caller's units.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    @Inject
    Db db;

    private Scope scope;

    public String subject() {
        return jwt.getSubject();
    }

    public String name() {
        String name = jwt.getClaim("name");
        return name != null ? name : jwt.getName();
    }

    public Set<String> roles() {
        Set<String> groups = jwt.getGroups();
        return groups == null ? Set.of() : groups;
    }

    public boolean has(Access access) {
        return roles().stream().anyMatch(access.roles::contains);
    }

    public boolean isCityAdmin() {
        return roles().contains(Roles.CITY_ADMIN);
    }

    /** 403 unless one of the caller's roles gives this access. */
    public void require(Access access) {
        if (!has(access)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "forbidden.role");
        }
    }

    /** The union of the caller's subtrees; everything for CITY_ADMIN. */
    public Scope scope() {
        if (scope == null) {
            scope = isCityAdmin() ? Scope.EVERYTHING : Scope.of(paths(unitIds()));
        }
        return scope;
    }

    /** 403 unless the role gives this access and the path lies inside the scope: a write, or a filter on a public unit. */
    public void requireIn(Access access, String path) {
        require(access);
        if (!scope().contains(path)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "forbidden.scope");
        }
    }

    /**
     * For a record of this service: 403 unless the role gives this access, then 404 (the body of an unknown id) unless
     * one of the record's paths lies inside the scope, so a record outside the scope does not reveal that it exists.
     */
    public void requireVisible(Access access, String what, Object id, String... paths) {
        require(access);
        if (!sees(paths)) {
            throw ProblemException.notFound(what, id);
        }
    }

    /** Whether one of these paths lies inside the scope. */
    public boolean sees(String... paths) {
        if (scope().everything()) {
            return true;
        }
        for (String path : paths) {
            if (path != null && scope().contains(path)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller sees phone numbers of a record with this path unmasked. */
    public boolean seesPhones(String path) {
        return has(Access.STATS) && scope().contains(path);
    }

    /** Whether the caller sees ID numbers of a record with this path unmasked: admin roles inside their scope. */
    public boolean seesIdNumbers(String path) {
        return has(Access.ADMIN) && scope().contains(path);
    }

    private List<UUID> unitIds() {
        Object claim = jwt.getClaim("org_units");
        List<UUID> ids = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString text) {
                    addId(ids, text.getString());
                }
            }
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> addId(ids, String.valueOf(value)));
        } else if (claim instanceof String single) {
            addId(ids, single);
        }
        return ids;
    }

    private static void addId(List<UUID> ids, String text) {
        try {
            ids.add(UUID.fromString(text.replace("\"", "")));
        } catch (IllegalArgumentException ignored) {
            // not one of our unit ids: it widens nothing
        }
    }

    private List<String> paths(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.list("select path from org_unit where id = any(?)", row -> row.getString(1), (Object) ids.toArray(UUID[]::new));
    }
}
