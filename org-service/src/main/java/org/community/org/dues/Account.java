package org.community.org.dues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.community.conventions.db.Db;

/**
 * A member's dues account: months are settled in order from {@code startMonth}; {@code nextMonth} is the first unpaid
 * one. {@code unitSince}: the first month whose liability sits with the member's current unit. {@code closedAfter}:
 * after an exit nothing is owed past this month. Payments advance {@code nextMonth} in the ledger's own batch
 * ({@link Ledger#advance}); every other change goes through the entity.
 */
@Entity
@Table(name = "dues_account")
public class Account {

    @Id
    @Column(name = "member_id")
    private UUID memberId;

    @Convert(converter = MonthColumn.class)
    @Column(name = "start_month", nullable = false)
    private YearMonth startMonth;

    @Convert(converter = MonthColumn.class)
    @Column(name = "next_month", nullable = false)
    private YearMonth nextMonth;

    @Convert(converter = MonthColumn.class)
    @Column(name = "unit_since", nullable = false)
    private YearMonth unitSince;

    @Convert(converter = MonthColumn.class)
    @Column(name = "closed_after")
    private YearMonth closedAfter;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Account() {
    }

    /** A new account, nothing paid yet: owed from {@code start}, all of it with the member's unit; the first version is 1. */
    Account(UUID memberId, YearMonth start, Instant now) {
        this.memberId = memberId;
        this.startMonth = start;
        this.nextMonth = start;
        this.unitSince = start;
        this.version = 1;
        this.updatedAt = now;
    }

    /**
     * An account as read by deliberate SQL (a payment batch locks hundreds at once; the arrears and the roster join it to
     * the members of a subtree): a detached snapshot.
     */
    static final String COLUMNS = "member_id, start_month, next_month, unit_since, closed_after, version";

    static Account map(ResultSet row) throws SQLException {
        Account a = new Account();
        a.memberId = Db.uuid(row, "member_id");
        a.startMonth = DuesCalendar.month(Db.date(row, "start_month"));
        a.nextMonth = DuesCalendar.month(Db.date(row, "next_month"));
        a.unitSince = DuesCalendar.month(Db.date(row, "unit_since"));
        a.closedAfter = DuesCalendar.month(Db.date(row, "closed_after"));
        a.version = row.getLong("version");
        return a;
    }

    /** Nothing paid yet: the account starts again from {@code start} (the member's first base moved). */
    void restart(YearMonth start, Instant now) {
        this.startMonth = start;
        this.nextMonth = start;
        this.unitSince = start;
        this.updatedAt = now;
    }

    /** A change of the bases that leaves the months as they are: the account's version still counts it. */
    void touch(Instant now) {
        this.updatedAt = now;
    }

    /** The member moved to another unit: the months from the first unpaid one on are owed there. */
    void moveLiability(Instant now) {
        this.unitSince = nextMonth;
        this.closedAfter = null;
        this.updatedAt = now;
    }

    /** The member left: nothing is owed after {@code lastMonth}. */
    void close(YearMonth lastMonth, Instant now) {
        this.closedAfter = lastMonth;
        this.updatedAt = now;
    }

    /** The month dues are paid up to (交至); null when nothing is paid yet. */
    public YearMonth paidThrough() {
        return nextMonth.equals(startMonth) ? null : nextMonth.minusMonths(1);
    }

    public boolean open() {
        return closedAfter == null;
    }

    /** Unpaid months up to and including {@code asOf}: all consecutive, since months are settled in order. */
    public long owedMonths(YearMonth asOf) {
        YearMonth last = closedAfter != null && closedAfter.isBefore(asOf) ? closedAfter : asOf;
        return last.isBefore(nextMonth) ? 0 : nextMonth.until(last, ChronoUnit.MONTHS) + 1;
    }

    public UUID memberId() {
        return memberId;
    }

    public YearMonth startMonth() {
        return startMonth;
    }

    public YearMonth nextMonth() {
        return nextMonth;
    }

    public YearMonth unitSince() {
        return unitSince;
    }

    public YearMonth closedAfter() {
        return closedAfter;
    }

    public long version() {
        return version;
    }
}
