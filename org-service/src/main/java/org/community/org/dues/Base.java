package org.community.org.dues;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

import org.community.conventions.db.Db;

/** A dues base as stored: one per member and year while current; corrections supersede it. */
public record Base(UUID id, UUID memberId, int year, YearMonth validFrom, DuesCategory category, Long incomeFen, long[] quarterFen,
        Integer rateBp, long monthlyFen, String note, String setBy, long version, Instant createdAt, Instant supersededAt) {

    static final String COLUMNS = "id, member_id, year, valid_from, category, income_fen, quarter_fen, rate_bp, monthly_fen, note, set_by,"
            + " version, created_at, superseded_at";

    static Base map(ResultSet row) throws SQLException {
        Array quarter = row.getArray("quarter_fen");
        long[] quarterFen = null;
        if (quarter != null) {
            Long[] values = (Long[]) quarter.getArray();
            quarterFen = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                quarterFen[i] = values[i];
            }
        }
        long income = row.getLong("income_fen");
        Long incomeFen = row.wasNull() ? null : income;
        int rate = row.getInt("rate_bp");
        Integer rateBp = row.wasNull() ? null : rate;
        return new Base(Db.uuid(row, "id"), Db.uuid(row, "member_id"), row.getInt("year"), DuesCalendar.month(Db.date(row, "valid_from")),
                Db.enumValue(row, "category", DuesCategory.class), incomeFen, quarterFen, rateBp, row.getLong("monthly_fen"),
                row.getString("note"), row.getString("set_by"), row.getLong("version"), Db.instant(row, "created_at"),
                Db.instant(row, "superseded_at"));
    }
}
