package org.community.consultation.security;

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
import org.jboss.logging.MDC;

/**
 * The authenticated caller of this request, from its verified JWT: account ({@code sub}), roles ({@code groups})
 * and scope ({@code org_units}).
 * <p>
 * The scope is resolved from the local {@code known_unit} table only (it holds every unit a record here refers to
 * and all their ancestors), so reads keep working while org-service is down. A unit of the token that is not in it
 * has nothing of this service under it. CITY_ADMIN is unrestricted.
 * <ul>
 * <li>admin roles (CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, COMMUNITY_SECRETARY): everything inside their scope;</li>
 * <li>GRID_WORKER: reads inside their scope, proposes topics and registers meeting attendance there;</li>
 * <li>everybody (TEAM_LEADER, VOLUNTEER, RESIDENT): what is public, their own records (electors and ballots linked
 * to their {@code sub}, topics they proposed, their evaluations), proposals, objections and evaluations in their
 * own community.</li>
 * </ul>
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    @Inject
    Db db;

    private Scope scope;
    private List<String> ownPaths;

    public String subject() {
        return jwt.getSubject();
    }

    public String displayName() {
        String name = jwt.getClaim("name");
        return name != null ? name : jwt.getName();
    }

    public Set<String> roles() {
        Set<String> groups = jwt.getGroups();
        return groups == null ? Set.of() : groups;
    }

    public boolean is(String role) {
        return roles().contains(role);
    }

    public boolean cityAdmin() {
        return is(Roles.CITY_ADMIN);
    }

    /** CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN or COMMUNITY_SECRETARY. */
    public boolean admin() {
        return roles().stream().anyMatch(Roles.ADMINS::contains);
    }

    /** Admin roles and GRID_WORKER read everything inside their scope. */
    public boolean scopedReader() {
        return admin() || is(Roles.GRID_WORKER);
    }

    /** The union of the subtrees of the token's org units ({@link Scope#ALL} for CITY_ADMIN). */
    public Scope scope() {
        if (scope == null) {
            scope = cityAdmin() ? Scope.ALL : resolve(orgUnits());
        }
        return scope;
    }

    /** Where the caller reads what is not public: the scope for admin roles and grid workers, nowhere for the others. */
    public Scope readScope() {
        return scopedReader() ? scope() : Scope.NONE;
    }

    /** Where the caller administers everything of the service. */
    public Scope adminScope() {
        return admin() ? scope() : Scope.NONE;
    }

    /** Where a grid worker does field work (proposals, meeting attendance); admin roles too. */
    public Scope fieldScope() {
        return readScope();
    }

    /**
     * Whether a record at {@code path} belongs to the caller's own community: it lies in the subtree of one of the
     * caller's units, or one of those units lies under it (a resident of building 3 and a topic of the compound).
     */
    public boolean community(String path) {
        if (path == null) {
            return false;
        }
        if (scope().contains(path)) {
            return true;
        }
        for (String own : ownPaths()) {
            if (own.startsWith(path)) {
                return true;
            }
        }
        return false;
    }

    public Actor actor() {
        Object requestId = MDC.get("requestId");
        return new Actor(subject(), displayName(), roles().stream().sorted().toList(), requestId == null ? null : requestId.toString());
    }

    /** 403 unless {@code allowed}. */
    public void require(boolean allowed) {
        if (!allowed) {
            throw forbidden();
        }
    }

    /** 403 unless {@code path} lies inside {@code scope} (a write outside the caller's scope). */
    public void requireIn(Scope scope, String path) {
        require(scope.contains(path));
    }

    public static ProblemException forbidden() {
        return new ProblemException(ProblemType.FORBIDDEN, "problem.forbidden.detail");
    }

    List<UUID> orgUnits() {
        Object claim = jwt.getClaim("org_units");
        List<String> values = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                values.add(value instanceof JsonString text ? text.getString() : value.toString());
            }
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text) {
            values.add(text);
        }
        List<UUID> ids = new ArrayList<>();
        for (String value : values) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                // not a unit id: no scope from it
            }
        }
        return ids;
    }

    private List<String> ownPaths() {
        if (ownPaths == null) {
            List<UUID> units = orgUnits();
            ownPaths = units.isEmpty() ? List.of()
                    : db.list("select org_path from known_unit where id = any (?)", row -> row.getString(1), (Object) units.toArray(UUID[]::new));
        }
        return ownPaths;
    }

    private Scope resolve(List<UUID> units) {
        if (units.isEmpty()) {
            return Scope.NONE;
        }
        return Scope.of(units, ownPaths());
    }
}
