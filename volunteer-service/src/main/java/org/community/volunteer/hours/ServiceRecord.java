package org.community.volunteer.hours;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.community.conventions.db.Db;

/** One volunteer's service at one activity (服务记录): check-in, check-out, computed and verified minutes. */
public record ServiceRecord(UUID id, UUID activityId, UUID volunteerId, UUID teamId, String orgPath, RecordStatus status,
        Instant checkedInAt, Instant checkedOutAt, CheckMethod checkInMethod, CheckMethod checkOutMethod, Integer minutes,
        Integer verifiedMinutes, String adjustReason, UUID reviewedBy, Instant reviewedAt, String reviewNote, long version,
        Instant createdAt) {

    public static final String COLUMNS = "id, activity_id, volunteer_id, team_id, org_path, status, checked_in_at, checked_out_at,"
            + " check_in_method, check_out_method, minutes, verified_minutes, adjust_reason, reviewed_by, reviewed_at, review_note,"
            + " version, created_at";

    public static ServiceRecord map(ResultSet row) throws SQLException {
        return new ServiceRecord(Db.uuid(row, "id"), Db.uuid(row, "activity_id"), Db.uuid(row, "volunteer_id"), Db.uuid(row, "team_id"),
                row.getString("org_path"), Db.enumValue(row, "status", RecordStatus.class), Db.instant(row, "checked_in_at"),
                Db.instant(row, "checked_out_at"), Db.enumValue(row, "check_in_method", CheckMethod.class),
                Db.enumValue(row, "check_out_method", CheckMethod.class), (Integer) row.getObject("minutes"),
                (Integer) row.getObject("verified_minutes"), row.getString("adjust_reason"), Db.uuid(row, "reviewed_by"),
                Db.instant(row, "reviewed_at"), row.getString("review_note"), row.getLong("version"), Db.instant(row, "created_at"));
    }
}
