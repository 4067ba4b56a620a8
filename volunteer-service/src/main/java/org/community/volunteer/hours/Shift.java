package org.community.volunteer.hours;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.community.conventions.db.Db;
import org.community.volunteer.activity.ActivityStatus;

/**
 * What check-in, check-out and review read of an activity. Read with deliberate SQL: check-in is the burst path (hundreds
 * of volunteers at the door at once, each under a share lock of the activity), and the service records it leads to are
 * written with SQL too, so no persistence context is opened for a row that is only read.
 */
record Shift(UUID teamId, String orgPath, String title, ActivityStatus status, String checkinCode, Instant startsAt, Instant endsAt) {

    static final String SELECT = "select team_id, org_path, title, status, checkin_code, starts_at, ends_at from activity where id = ?";

    static Shift map(ResultSet row) throws SQLException {
        return new Shift(Db.uuid(row, "team_id"), row.getString("org_path"), row.getString("title"),
                Db.enumValue(row, "status", ActivityStatus.class), row.getString("checkin_code"), Db.instant(row, "starts_at"),
                Db.instant(row, "ends_at"));
    }

    /** Length of the activity in minutes: the most a record may count without a stated reason. */
    long lengthMinutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }
}
