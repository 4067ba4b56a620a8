package org.community.org.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.community.conventions.http.PageRequest;
import org.community.org.persistence.Constraints;
import org.community.org.persistence.Locks;
import org.community.org.security.Scope;

/** Posts as entities. */
@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<Post, UUID> {

    public Optional<Post> find(UUID id) {
        return findByIdOptional(id);
    }

    public Optional<Post> lockForUpdate(UUID id) {
        return Locks.forUpdate(getEntityManager(), Post.class, id);
    }

    /** The unit a post is on, read without keeping the post (a writer locks it after the unit). */
    public Optional<UUID> unitOf(UUID id) {
        return getEntityManager().createQuery("select unitId from Post where id = ?1", UUID.class).setParameter(1, id)
                .getResultStream().findFirst();
    }

    /** Records a post unless the unit already has an active holder of a single-holder role; false then. */
    public boolean insert(Post p) {
        if ((p.role() == PostRole.SECRETARY || p.role() == PostRole.GROUP_LEADER)
                && count("unitId = ?1 and role = ?2 and endedOn is null", p.unitId(), p.role()) > 0) {
            return false;
        }
        persist(p);
        return Constraints.flushed(this::flush, "post_one_secretary", "post_one_group_leader");
    }

    public boolean activeHeld(UUID unitId, UUID memberId, PostRole role) {
        return count("unitId = ?1 and memberId = ?2 and role = ?3 and endedOn is null", unitId, memberId, role) > 0;
    }

    /** The posts a member holds now, locked in unit order (as every writer of a unit's posts locks the unit first). */
    public List<Post> activeHeldBy(UUID memberId) {
        return find("memberId = ?1 and endedOn is null order by unitId, id", memberId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<Post> heldBy(UUID memberId) {
        return list("memberId = ?1 order by startsOn, id", memberId);
    }

    // The list filters by the scope of the post's unit, a condition on org_unit's path that Scope writes as SQL: a
    // native query that Hibernate maps to Post, no unit loaded per row.

    /** Posts on units inside {@code scope} (a condition on the unit's path), filtered by unit, holder and activity. */
    @SuppressWarnings("unchecked")
    public List<Post> list(UUID unitId, UUID memberId, Boolean active, Scope scope, PageRequest page) {
        Scope.Condition inScope = scope.where("u.path");
        Query query = getEntityManager().createNativeQuery("select * from post where " + filter(inScope)
                + " order by starts_on desc, id limit ? offset ?", Post.class);
        bind(query, args(unitId, memberId, active, inScope, page.size, page.offset()));
        return query.getResultList();
    }

    public long count(UUID unitId, UUID memberId, Boolean active, Scope scope) {
        Scope.Condition inScope = scope.where("u.path");
        Query query = getEntityManager().createNativeQuery("select count(*) from post where " + filter(inScope));
        bind(query, args(unitId, memberId, active, inScope));
        return ((Number) query.getSingleResult()).longValue();
    }

    private static void bind(Query query, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 1, args[i]);
        }
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

    private static final String FILTER = "(?::uuid is null or unit_id = ?) and (?::uuid is null or member_id = ?)"
            + " and (?::boolean is null or (ended_on is null) = ?)";
}
