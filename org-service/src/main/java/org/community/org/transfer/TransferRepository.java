package org.community.org.transfer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.community.conventions.http.PageRequest;
import org.community.org.persistence.Constraints;
import org.community.org.persistence.Locks;
import org.community.org.security.Scope;
import org.community.org.tree.Paths;

/** Transfers as entities; the lists, which filter by the units' paths, are native queries mapped to the entity. */
@ApplicationScoped
public class TransferRepository implements PanacheRepositoryBase<Transfer, UUID> {

    public Optional<Transfer> find(UUID id) {
        return findByIdOptional(id);
    }

    /** The row lock that makes concurrent decisions on one transfer wait for each other: the second sees the first's outcome. */
    public Optional<Transfer> lockForUpdate(UUID id) {
        return Locks.forUpdate(getEntityManager(), Transfer.class, id);
    }

    /** Records a transfer unless the member already has a pending one; false then. */
    public boolean insert(Transfer t) {
        if (count("memberId = ?1 and status = ?2", t.memberId(), TransferStatus.PENDING) > 0) {
            return false;
        }
        persist(t);
        t.numberLetterIfMissing();
        return Constraints.flushed(this::flush, "transfer_one_pending");
    }

    // The lists filter by the path of the units a transfer leaves or enters, a condition that Scope writes as SQL:
    // native queries that Hibernate maps to Transfer, no unit loaded per row. ScopedQueryPlanTest pins the plan of the
    // scope condition.

    /** Transfers of a member, or leaving or entering a subtree; null does not filter. */
    /** {@code scope}: only transfers leaving or entering it (a condition on {@code u.path}); null does not filter. */
    @SuppressWarnings("unchecked")
    public List<Transfer> list(UUID memberId, String subtreePath, TransferStatus status, Scope.Condition scope, PageRequest page) {
        Object[] args = args(memberId, subtreePath, status, scope, page.size, page.offset());
        return nativeQuery("select * from transfer where " + filter(scope) + " order by created_at desc, id limit ? offset ?", Transfer.class,
                args).getResultList();
    }

    public long count(UUID memberId, String subtreePath, TransferStatus status, Scope.Condition scope) {
        return ((Number) nativeQuery("select count(*) from transfer where " + filter(scope), null, args(memberId, subtreePath, status, scope))
                .getSingleResult()).longValue();
    }

    private jakarta.persistence.Query nativeQuery(String sql, Class<?> type, Object[] args) {
        jakarta.persistence.Query query = type == null ? getEntityManager().createNativeQuery(sql) : getEntityManager().createNativeQuery(sql, type);
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 1, args[i] instanceof Enum<?> e ? e.name() : args[i]);
        }
        return query;
    }

    private static String filter(Scope.Condition scope) {
        return scope == null ? FILTER
                : FILTER + " and exists (select 1 from org_unit u where u.id in (transfer.from_unit_id, transfer.to_unit_id) and "
                        + scope.sql() + ")";
    }

    private static final String FILTER = "(?::uuid is null or member_id = ?) and (?::text is null or exists (select 1 from org_unit u"
            + " where u.id in (transfer.from_unit_id, transfer.to_unit_id) and u.path >= ? and u.path < ?))"
            + " and (?::text is null or status = ?)";

    private static Object[] args(UUID memberId, String path, TransferStatus status, Scope.Condition scope, Object... more) {
        java.util.List<Object> fixed = new java.util.ArrayList<>(java.util.Arrays.asList(memberId, memberId, path, path,
                path == null ? null : Paths.upperBound(path), status, status));
        if (scope != null) {
            fixed.addAll(scope.args());
        }
        Object[] base = fixed.toArray();
        Object[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
