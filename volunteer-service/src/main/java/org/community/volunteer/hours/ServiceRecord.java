package org.community.volunteer.hours;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.community.conventions.db.Db;

/**
 * One volunteer's service at one activity (服务记录): check-in, check-out, computed and verified minutes. {@code orgPath} is
 * its activity's: the table keeps no path of its own (V4), so moving a subtree never rewrites service records.
 */
public record ServiceRecord(UUID id, UUID activityId, UUID volunteerId, UUID teamId, String orgPath, RecordStatus status,
        Instant checkedInAt, Instant checkedOutAt, CheckMethod checkInMethod, CheckMethod checkOutMethod, Integer minutes,
        Integer verifiedMinutes, String adjustReason, UUID reviewedBy, Instant reviewedAt, String reviewNote, long version,
        Instant createdAt) {

    /** The columns of {@code service_record}. */
    public static final String COLUMNS = "id, activity_id, volunteer_id, team_id, status, checked_in_at, checked_out_at,"
            + " check_in_method, check_out_method, minutes, verified_minutes, adjust_reason, reviewed_by, reviewed_at, review_note,"
            + " version, created_at";

    /** What {@link #map} reads: the record ({@code r}) and its activity's path ({@code a}), see {@link #FROM}. */
    public static final String SELECT = "select r.id, r.activity_id, r.volunteer_id, r.team_id, a.org_path, r.status, r.checked_in_at,"
            + " r.checked_out_at, r.check_in_method, r.check_out_method, r.minutes, r.verified_minutes, r.adjust_reason, r.reviewed_by,"
            + " r.reviewed_at, r.review_note, r.version, r.created_at ";

    /** A record with its activity, whose path it takes. */
    public static final String FROM = "from service_record r join activity a on a.id = r.activity_id ";

    public static ServiceRecord map(ResultSet row) throws SQLException {
        return new ServiceRecord(Db.uuid(row, "id"), Db.uuid(row, "activity_id"), Db.uuid(row, "volunteer_id"), Db.uuid(row, "team_id"),
                row.getString("org_path"), Db.enumValue(row, "status", RecordStatus.class), Db.instant(row, "checked_in_at"),
                Db.instant(row, "checked_out_at"), Db.enumValue(row, "check_in_method", CheckMethod.class),
                Db.enumValue(row, "check_out_method", CheckMethod.class), (Integer) row.getObject("minutes"),
                (Integer) row.getObject("verified_minutes"), row.getString("adjust_reason"), Db.uuid(row, "reviewed_by"),
                Db.instant(row, "reviewed_at"), row.getString("review_note"), row.getLong("version"), Db.instant(row, "created_at"));
    }
}
