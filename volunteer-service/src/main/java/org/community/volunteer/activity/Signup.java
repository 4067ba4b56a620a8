package org.community.volunteer.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.community.conventions.db.Db;

/** A volunteer's sign-up (报名) for an activity. */
public record Signup(UUID id, long seq, UUID activityId, UUID volunteerId, SignupStatus status, Instant createdAt, Instant promotedAt,
        Instant cancelledAt) {

    public static final String COLUMNS = "id, seq, activity_id, volunteer_id, status, created_at, promoted_at, cancelled_at";

    public static Signup map(ResultSet row) throws SQLException {
        return new Signup(Db.uuid(row, "id"), row.getLong("seq"), Db.uuid(row, "activity_id"), Db.uuid(row, "volunteer_id"),
                Db.enumValue(row, "status", SignupStatus.class), Db.instant(row, "created_at"), Db.instant(row, "promoted_at"),
                Db.instant(row, "cancelled_at"));
    }
}
