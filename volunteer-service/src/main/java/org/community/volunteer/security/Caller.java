package org.community.volunteer.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
 * The authenticated caller of this request, from its verified JWT: account ({@code sub}), roles ({@code groups})
 * and scope ({@code org_units}).
 * <p>
 * The scope is resolved from the local {@code org_unit_snapshot} only (it holds every unit a record here refers
 * to and all their ancestors), so reads keep working while org-service is down. A unit of the token that is not
 * in the snapshot has nothing of this service under it and adds nothing. CITY_ADMIN is unrestricted.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    @Inject
    Db db;

    private Scope scope;
    private Optional<UUID> volunteerId;

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

    /** Admin roles and TEAM_LEADER: teams, activities, sign-ups, check-ins and reviews. */
    public boolean volunteerWork() {
        return admin() || is(Roles.TEAM_LEADER);
    }

    /** Admin roles, TEAM_LEADER and GRID_WORKER read inside their scope. */
    public boolean scopedReader() {
        return volunteerWork() || is(Roles.GRID_WORKER);
    }

    /** The union of the subtrees of the token's org units ({@link Scope#ALL} for CITY_ADMIN). */
    public Scope scope() {
        if (scope == null) {
            scope = cityAdmin() ? Scope.ALL : resolve(orgUnits());
        }
        return scope;
    }

    /** Where the caller reads non-public data: the scope for readers, nowhere for the others. */
    public Scope readScope() {
        return scopedReader() ? scope() : Scope.NONE;
    }

    /** Where the caller does volunteer work (teams, activities, sign-ups, check-ins, reviews). */
    public Scope workScope() {
        return volunteerWork() ? scope() : Scope.NONE;
    }

    /** Where the caller administers everything of the service. */
    public Scope adminScope() {
        return admin() ? scope() : Scope.NONE;
    }

    /**
     * Whether an admin role of the caller covers a unit with this chain (its ancestors top down, the unit last), as
     * org-service answered it: one of the token's org units is on the chain. Unlike {@link #adminScope()} this needs no
     * snapshot of the token's units, so it holds before the snapshot has seen them (bulk writes check before writing).
     */
    public boolean administers(List<UUID> chain) {
        if (!admin()) {
            return false;
        }
        if (cityAdmin()) {
            return true;
        }
        List<UUID> own = orgUnits();
        return chain.stream().anyMatch(own::contains);
    }

    /** The caller's own volunteer profile (linked by {@code account} = token {@code sub}), if registered. */
    public Optional<UUID> volunteerId() {
        if (volunteerId == null) {
            String sub = subject();
            volunteerId = sub == null ? Optional.empty()
                    : db.one("select id from volunteer where account = ?", row -> Db.uuid(row, "id"), sub);
        }
        return volunteerId;
    }

    public boolean isSelf(UUID volunteer) {
        return volunteer != null && volunteerId().map(volunteer::equals).orElse(false);
    }

    /** How much personal data of someone registered at {@code path} the caller sees; the person themself sees all. */
    public Disclosure disclosure(String path, String account) {
        if (account != null && account.equals(subject())) {
            return Disclosure.FULL;
        }
        if (admin() && scope().contains(path)) {
            return Disclosure.FULL;
        }
        if ((is(Roles.GRID_WORKER) || is(Roles.TEAM_LEADER)) && scope().contains(path)) {
            return Disclosure.PHONE;
        }
        return Disclosure.MASKED;
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

    private Scope resolve(List<UUID> units) {
        if (units.isEmpty()) {
            return Scope.NONE;
        }
        return Scope.of(db.list("select path from org_unit_snapshot where id = any (?)", row -> row.getString("path"),
                (Object) units.toArray(UUID[]::new)));
    }
}
