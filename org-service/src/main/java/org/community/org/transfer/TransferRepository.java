package org.community.org.transfer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.security.Scope;
import org.community.org.tree.Paths;

@ApplicationScoped
public class TransferRepository {

    private static final String SELECT = "select " + Transfer.COLUMNS + " from transfer ";

    @Inject
    Db db;

    public Optional<Transfer> find(UUID id) {
        return db.one(SELECT + "where id = ?", Transfer::map, id);
    }

    /** The row lock that makes concurrent decisions on one transfer wait for each other: the second sees the first's outcome. */
    public Optional<Transfer> lockForUpdate(UUID id) {
        return db.one(SELECT + "where id = ? for update", Transfer::map, id);
    }

    /** Inserts unless the member already has a pending transfer; false then. */
    public boolean insert(Transfer t) {
        return db.update("insert into transfer (" + Transfer.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing",
                t.id(), t.memberId(), t.kind(), t.fromUnitId(), t.toUnitId(), t.externalOrg(), t.letterNumber(), t.reason(), t.status(),
                t.initiatedOn(), t.decidedOn(), t.decisionNote(), t.version(), t.createdAt(), t.updatedAt()) == 1;
    }

    public void decide(Transfer t) {
        db.update("update transfer set status = ?, decided_on = ?, decision_note = ?, version = ?, updated_at = ? where id = ?", t.status(),
                t.decidedOn(), t.decisionNote(), t.version(), t.updatedAt(), t.id());
    }

    /** Transfers of a member, or leaving or entering a subtree; null does not filter. */
    /** {@code scope}: only transfers leaving or entering it (a condition on {@code u.path}); null does not filter. */
    public List<Transfer> list(UUID memberId, String subtreePath, TransferStatus status, Scope.Condition scope, PageRequest page) {
        Object[] args = args(memberId, subtreePath, status, scope, page.size, page.offset());
        return db.list(SELECT + "where " + filter(scope) + " order by created_at desc, id limit ? offset ?", Transfer::map, args);
    }

    public long count(UUID memberId, String subtreePath, TransferStatus status, Scope.Condition scope) {
        return db.count("select count(*) from transfer where " + filter(scope), args(memberId, subtreePath, status, scope));
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
