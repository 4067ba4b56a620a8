package org.community.org.changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.community.conventions.db.Db;

/**
 * The outbox writer. A write of the tree {@link #record records} its change; the events are inserted at the end of
 * the same transaction (just before it commits), under the feed's advisory lock, so that:
 * <ul>
 * <li>a rolled-back write leaves no event, a committed one exactly its events;</li>
 * <li>seq order is commit order: the lock is taken before the seq is drawn and held until the commit, so no higher
 * seq becomes visible before a lower one, and a consumer that has read up to n can never miss an event below n;</li>
 * <li>the lock is held only for the insert and the commit (never while the write waits for its row locks), so it
 * adds no deadlock to the writers' own lock order.</li>
 * </ul>
 * The event's data is the unit as it is when the transaction ends.
 */
@ApplicationScoped
public class ChangeLog {

    /** The transaction-level advisory lock every writer of the outbox takes before its insert. */
    static final long FEED_LOCK = 0x6f7267_666565L;

    private static final String INSERT = "insert into org_change (seq, type, unit_id, time, data)"
            + " select nextval('org_change_seq'), ?, u.id, ?, org_unit_feed_data(u.id, ?) from org_unit u where u.id = ?";

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Db db;

    @Inject
    Clock clock;

    @Inject
    ChangeSignal signal;

    private record Pending(ChangeType type, UUID unitId, String oldPath) {
    }

    /** Records a change of this unit in the current transaction. {@code oldPath}: the path before a move, else null. */
    public void record(ChangeType type, UUID unitId, String oldPath) {
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) transactions.getResource(ChangeLog.class);
        if (pending == null) {
            List<Pending> events = new ArrayList<>();
            transactions.putResource(ChangeLog.class, events);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        insert(events);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        signal.fire();
                    }
                }
            });
            pending = events;
        }
        pending.add(new Pending(type, unitId, oldPath));
    }

    private void insert(List<Pending> events) {
        lock(db);
        Instant now = now(clock);
        List<Object[]> rows = new ArrayList<>();
        for (Pending event : events) {
            rows.add(new Object[] { event.type().type, now.atOffset(ZoneOffset.UTC), event.oldPath(), event.unitId() });
        }
        db.batch(INSERT, rows);
    }

    /**
     * The events of units a bulk import created, on its own connection and transaction (the caller commits): one
     * {@code org-unit.created} per unit, parents before children.
     */
    public static void recordCreated(Connection connection, List<Long> keys, Instant time) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            lock.setLong(1, FEED_LOCK);
            lock.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into org_change (seq, type, unit_id, time, data)"
                + " select nextval('org_change_seq'), ?, id, ?, org_unit_feed_data(id, null)"
                + " from (select id from org_unit where key = any(?) order by path) units")) {
            insert.setString(1, ChangeType.CREATED.type);
            insert.setObject(2, time.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
            insert.setArray(3, connection.createArrayOf("bigint", keys.toArray(Long[]::new)));
            insert.executeUpdate();
        }
    }

    static void lock(Db db) {
        db.one("select pg_advisory_xact_lock(?)", row -> true, FEED_LOCK);
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
