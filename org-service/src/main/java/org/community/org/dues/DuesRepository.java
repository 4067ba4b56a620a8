package org.community.org.dues;

import java.sql.Date;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;

/** Bases, accounts and excuses. */
@ApplicationScoped
public class DuesRepository {

    @Inject
    Db db;

    // ---- bases ----

    public List<Base> currentBases(UUID memberId) {
        return db.list("select " + Base.COLUMNS + " from dues_base where member_id = ? and superseded_at is null order by valid_from",
                Base::map, memberId);
    }

    /** Current bases of many members at once, by member. */
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
        return db.list("select " + Base.COLUMNS + " from dues_base where member_id = ? order by year desc, created_at desc", Base::map,
                memberId);
    }

    public Optional<Base> current(UUID memberId, int year) {
        return db.one("select " + Base.COLUMNS + " from dues_base where member_id = ? and year = ? and superseded_at is null for update",
                Base::map, memberId, year);
    }

    /** Inserts unless the member already has a current base for the year; false then. */
    public boolean insert(Base b) {
        return db.withConnection(connection -> {
            try (var statement = connection.prepareStatement("insert into dues_base (" + Base.COLUMNS + ") values"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (member_id, year) where superseded_at is null do nothing")) {
                statement.setObject(1, b.id());
                statement.setObject(2, b.memberId());
                statement.setInt(3, b.year());
                statement.setDate(4, Date.valueOf(b.validFrom().atDay(1)));
                statement.setString(5, b.category().name());
                statement.setObject(6, b.incomeFen());
                statement.setArray(7, b.quarterFen() == null ? null
                        : connection.createArrayOf("bigint", java.util.Arrays.stream(b.quarterFen()).boxed().toArray()));
                statement.setObject(8, b.rateBp());
                statement.setLong(9, b.monthlyFen());
                statement.setString(10, b.note());
                statement.setString(11, b.setBy());
                statement.setLong(12, b.version());
                statement.setObject(13, b.createdAt().atOffset(java.time.ZoneOffset.UTC));
                statement.setObject(14, null);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /** Takes a base out of the current ones (before its successor is inserted: one current base per member and year). */
    public void supersede(UUID id, Instant at) {
        db.update("update dues_base set superseded_at = ? where id = ?", at, id);
    }

    public void linkSuccessor(UUID id, UUID successor) {
        db.update("update dues_base set superseded_by = ? where id = ?", successor, id);
    }

    // ---- accounts ----

    public Optional<Account> account(UUID memberId) {
        return db.one("select " + Account.COLUMNS + " from dues_account where member_id = ?", Account::map, memberId);
    }

    public Optional<Account> lockAccount(UUID memberId) {
        return db.one("select " + Account.COLUMNS + " from dues_account where member_id = ? for update", Account::map, memberId);
    }

    /** Accounts of many members, locked in member order (the order every batch takes them in). */
    public Map<UUID, Account> lockAccounts(List<UUID> memberIds) {
        Map<UUID, Account> result = new HashMap<>();
        for (Account account : db.list("select " + Account.COLUMNS + " from dues_account where member_id = any(?) order by member_id for update",
                Account::map, (Object) memberIds.toArray(UUID[]::new))) {
            result.put(account.memberId(), account);
        }
        return result;
    }

    public void insertAccount(Account a) {
        db.update("insert into dues_account (member_id, start_month, next_month, unit_since, closed_after, version, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)", a.memberId(), day(a.startMonth()), day(a.nextMonth()), day(a.unitSince()),
                day(a.closedAfter()), a.version(), Instant.now());
    }

    public void updateAccount(Account a) {
        db.update("update dues_account set start_month = ?, next_month = ?, unit_since = ?, closed_after = ?, version = ?, updated_at = ?"
                + " where member_id = ?", day(a.startMonth()), day(a.nextMonth()), day(a.unitSince()), day(a.closedAfter()), a.version(),
                Instant.now(), a.memberId());
    }

    public String memberName(UUID memberId) {
        return db.one("select name from member where id = ?", row -> row.getString(1), memberId).orElse(null);
    }

    // ---- excuses ----

    public void insertExcuse(UUID id, UUID memberId, YearMonth from, YearMonth until, String reason, String by) {
        db.update("insert into dues_excuse (id, member_id, from_month, until_month, reason, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                id, memberId, day(from), day(until), reason, by, Instant.now());
    }

    public List<DuesViews.Excuse> excuses(UUID memberId) {
        return excuses(List.of(memberId)).getOrDefault(memberId, List.of());
    }

    public Map<UUID, List<DuesViews.Excuse>> excuses(List<UUID> memberIds) {
        Map<UUID, List<DuesViews.Excuse>> result = new HashMap<>();
        if (memberIds.isEmpty()) {
            return result;
        }
        db.list("select * from dues_excuse where member_id = any(?) order by member_id, from_month, created_at", row -> {
            DuesViews.Excuse excuse = new DuesViews.Excuse(Db.uuid(row, "id"), DuesCalendar.month(Db.date(row, "from_month")),
                    DuesCalendar.month(Db.date(row, "until_month")), row.getString("reason"), row.getString("recorded_by"),
                    org.community.conventions.http.Times.local(Db.instant(row, "created_at")));
            result.computeIfAbsent(Db.uuid(row, "member_id"), id -> new ArrayList<>()).add(excuse);
            return excuse;
        }, (Object) memberIds.toArray(UUID[]::new));
        return result;
    }

    static Date day(YearMonth month) {
        return month == null ? null : Date.valueOf(month.atDay(1));
    }
}
