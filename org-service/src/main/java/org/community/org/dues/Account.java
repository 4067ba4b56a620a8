package org.community.org.dues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.UUID;

import org.community.conventions.db.Db;

/**
 * A member's dues account: months are settled in order from {@code startMonth}; {@code nextMonth} is the first unpaid
 * one. {@code unitSince}: the first month whose liability sits with the member's current unit. {@code closedAfter}:
 * after an exit nothing is owed past this month.
 */
public record Account(UUID memberId, YearMonth startMonth, YearMonth nextMonth, YearMonth unitSince, YearMonth closedAfter, long version) {

    static final String COLUMNS = "member_id, start_month, next_month, unit_since, closed_after, version";

    static Account map(ResultSet row) throws SQLException {
        return new Account(Db.uuid(row, "member_id"), DuesCalendar.month(Db.date(row, "start_month")),
                DuesCalendar.month(Db.date(row, "next_month")), DuesCalendar.month(Db.date(row, "unit_since")),
                DuesCalendar.month(Db.date(row, "closed_after")), row.getLong("version"));
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
        return last.isBefore(nextMonth) ? 0 : nextMonth.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
    }

    Account with(YearMonth start, YearMonth next, YearMonth since, YearMonth closed) {
        return new Account(memberId, start, next, since, closed, version + 1);
    }
}
