package org.community.org.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.security.Scope;

@ApplicationScoped
public class PostRepository {

    private static final String SELECT = "select " + Post.COLUMNS + " from post ";

    @Inject
    Db db;

    public Optional<Post> find(UUID id) {
        return db.one(SELECT + "where id = ?", Post::map, id);
    }

    public Optional<Post> lockForUpdate(UUID id) {
        return db.one(SELECT + "where id = ? for update", Post::map, id);
    }

    /** Inserts unless the unit already has an active holder of a single-holder role; false then. */
    public boolean insert(Post p) {
        return db.update("insert into post (" + Post.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                p.id(), p.unitId(), p.role(), p.memberId(), p.holderName(), p.startsOn(), p.termEndsOn(), p.endedOn(), p.endReason(),
                p.version(), p.createdAt(), p.updatedAt()) == 1;
    }

    public void end(UUID id, LocalDate endedOn, String reason, Instant now) {
        db.update("update post set ended_on = ?, end_reason = ?, version = version + 1, updated_at = ? where id = ?", endedOn, reason, now,
                id);
    }

    public boolean activeHeld(UUID unitId, UUID memberId, PostRole role) {
        return db.count("select count(*) from post where unit_id = ? and member_id = ? and role = ? and ended_on is null", unitId, memberId,
                role) > 0;
    }

    public List<Post> activeHeldBy(UUID memberId) {
        return db.list(SELECT + "where member_id = ? and ended_on is null order by unit_id, id for update", Post::map, memberId);
    }

    /** Posts on units inside {@code scope} (a condition on the unit's path), filtered by unit, holder and activity. */
    public List<Post> list(UUID unitId, UUID memberId, Boolean active, Scope scope, PageRequest page) {
        Scope.Condition inScope = scope.where("u.path");
        return db.list(SELECT + "where " + filter(inScope) + " order by starts_on desc, id limit ? offset ?", Post::map,
                args(unitId, memberId, active, inScope, page.size, page.offset()));
    }

    public long count(UUID unitId, UUID memberId, Boolean active, Scope scope) {
        Scope.Condition inScope = scope.where("u.path");
        return db.count("select count(*) from post where " + filter(inScope), args(unitId, memberId, active, inScope));
    }

    private static String filter(Scope.Condition inScope) {
        return FILTER + (inScope.sql().equals("true") ? "" : " and exists (select 1 from org_unit u where u.id = post.unit_id and "
                + inScope.sql() + ")");
    }

    private static Object[] args(UUID unitId, UUID memberId, Boolean active, Scope.Condition inScope, Object... more) {
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(unitId, unitId, memberId, memberId, active, active));
        if (!inScope.sql().equals("true")) {
            args.addAll(inScope.args());
        }
        args.addAll(List.of(more));
        return args.toArray();
    }

    public List<Post> heldBy(UUID memberId) {
        return db.list(SELECT + "where member_id = ? order by starts_on, id", Post::map, memberId);
    }

    private static final String FILTER = "(?::uuid is null or unit_id = ?) and (?::uuid is null or member_id = ?)"
            + " and (?::boolean is null or (ended_on is null) = ?)";
}
