package org.community.org.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.org.db.Db;
import org.community.org.http.PageRequest;

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

    public List<Post> list(UUID unitId, UUID memberId, Boolean active, PageRequest page) {
        return db.list(SELECT + "where " + FILTER + " order by starts_on desc, id limit ? offset ?", Post::map, unitId, unitId, memberId,
                memberId, active, active, page.size, page.offset());
    }

    public long count(UUID unitId, UUID memberId, Boolean active) {
        return db.count("select count(*) from post where " + FILTER, unitId, unitId, memberId, memberId, active, active);
    }

    public List<Post> heldBy(UUID memberId) {
        return db.list(SELECT + "where member_id = ? order by starts_on, id", Post::map, memberId);
    }

    private static final String FILTER = "(?::uuid is null or unit_id = ?) and (?::uuid is null or member_id = ?)"
            + " and (?::boolean is null or (ended_on is null) = ?)";
}
