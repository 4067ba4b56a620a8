package org.community.org.dues;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.community.conventions.db.Db;
import org.community.conventions.http.Times;
import org.community.org.persistence.Constraints;
import org.community.org.persistence.Locks;

/**
 * Bases, accounts and excuses as entities; what a payment batch and the reports read for many members at once comes as
 * detached snapshots from one SQL statement each. The ledger advances accounts in its own batch ({@link Ledger#advance});
 * a writer changing an account here and then calling the ledger or the counters in the same transaction flushes first.
 */
@ApplicationScoped
public class DuesRepository implements PanacheRepositoryBase<Base, UUID> {

    @Inject
    Db db;

    // ---- bases ----

    public List<Base> currentBases(UUID memberId) {
        return list("memberId = ?1 and supersededAt is null order by validFrom", memberId);
    }

    /**
     * Current bases of many members at once, by member, as detached snapshots: a payment batch and the reports read them
     * for hundreds of members and never change them. Deliberate SQL: loading them as entities made a branch's batch of 200
     * payments and the arrears page measurably slower (BENCHMARK.md, "Entities (issue 16): dues and the org unit").
     */
    public Map<UUID, List<Base>> currentBases(List<UUID> memberIds) {
        Map<UUID, List<Base>> result = new HashMap<>();
        if (memberIds.isEmpty()) {
            return result;
        }
        for (Base base : db.list("select " + Base.COLUMNS + " from dues_base where member_id = any(?) and superseded_at is null"
                + " order by member_id, valid_from", Base::map, (Object) memberIds.toArray(UUID[]::new))) {
            result.computeIfAbsent(base.memberId(), id -> new ArrayList<>()).add(base);
        }
        return result;
    }

    public List<Base> history(UUID memberId) {
        return list("from Base b where b.memberId = ?1 order by b.year desc, b.createdAt desc", memberId);
    }

    /** The current base of a year, locked for its correction. */
    public Optional<Base> current(UUID memberId, int year) {
        return find("from Base b where b.memberId = ?1 and b.year = ?2 and b.supersededAt is null", memberId, year).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Whether the member has a current base for the year. */
    public boolean hasCurrent(UUID memberId, int year) {
        return count("from Base b where b.memberId = ?1 and b.year = ?2 and b.supersededAt is null", memberId, year) > 0;
    }

    /**
     * Writes a new current base; false when another writer set the member's base for the year meanwhile (the partial
     * unique index {@code dues_base_current}). A base it supersedes is written first, so that its year is free.
     */
    public boolean insert(Base b) {
        flush();
        persist(b);
        return Constraints.flushed(this::flush, "dues_base_current");
    }

    // ---- accounts ----

    public Optional<Account> account(UUID memberId) {
        return Optional.ofNullable(getEntityManager().find(Account.class, memberId));
    }

    public Optional<Account> lockAccount(UUID memberId) {
        return Locks.forUpdate(getEntityManager(), Account.class, memberId);
    }

    /**
     * Accounts of many members, locked in member order (the order every batch takes them in), as detached snapshots: the
     * payments read them and the ledger advances them in its own batch ({@link Ledger#advance}). Deliberate SQL for the
     * same reason as {@link #currentBases(List)}.
     */
    public Map<UUID, Account> lockAccounts(List<UUID> memberIds) {
        Map<UUID, Account> result = new HashMap<>();
        for (Account account : db.list("select " + Account.COLUMNS + " from dues_account where member_id = any(?) order by member_id for update",
                Account::map, (Object) memberIds.toArray(UUID[]::new))) {
            result.put(account.memberId(), account);
        }
        return result;
    }

    public void insertAccount(Account a) {
        getEntityManager().persist(a);
    }

    public String memberName(UUID memberId) {
        return getEntityManager().createQuery("select name from Member where id = ?1", String.class).setParameter(1, memberId)
                .getResultStream().findFirst().orElse(null);
    }

    // ---- excuses ----

    public DuesViews.Excuse insertExcuse(Excuse excuse) {
        getEntityManager().persist(excuse);
        return excuse.view();
    }

    public List<DuesViews.Excuse> excuses(UUID memberId) {
        return excuses(List.of(memberId)).getOrDefault(memberId, List.of());
    }

    /** The recorded reasons of many members at once (an arrears page), as views: one SQL statement, as for their bases. */
    public Map<UUID, List<DuesViews.Excuse>> excuses(List<UUID> memberIds) {
        Map<UUID, List<DuesViews.Excuse>> result = new HashMap<>();
        if (memberIds.isEmpty()) {
            return result;
        }
        db.list("select * from dues_excuse where member_id = any(?) order by member_id, from_month, created_at", row -> {
            DuesViews.Excuse excuse = new DuesViews.Excuse(Db.uuid(row, "id"), DuesCalendar.month(Db.date(row, "from_month")),
                    DuesCalendar.month(Db.date(row, "until_month")), row.getString("reason"), row.getString("recorded_by"),
                    Times.local(Db.instant(row, "created_at")));
            result.computeIfAbsent(Db.uuid(row, "member_id"), id -> new ArrayList<>()).add(excuse);
            return excuse;
        }, (Object) memberIds.toArray(UUID[]::new));
        return result;
    }

    // ---- remittances ----

    public Optional<Remittance> remittance(UUID unitId, String half) {
        return getEntityManager().createQuery("from Remittance where unitId = ?1 and half = ?2", Remittance.class).setParameter(1, unitId)
                .setParameter(2, half).getResultStream().findFirst();
    }

    /** Records a remittance unless the unit's half is recorded; false when it is (also when another clerk recorded it meanwhile). */
    public boolean insertRemittance(Remittance remittance) {
        if (remittance(remittance.unitId(), remittance.half()).isPresent()) {
            return false;
        }
        getEntityManager().persist(remittance);
        return Constraints.flushed(this::flush, "dues_remittance_unit_id_half_key");
    }
}
