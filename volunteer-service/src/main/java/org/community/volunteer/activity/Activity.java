package org.community.volunteer.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.community.conventions.db.Db;
import org.community.volunteer.volunteer.Volunteer;

/** An activity (shift, 志愿活动) of a team: a place and time, a capacity and a sign-up window. */
public record Activity(UUID id, UUID teamId, String orgPath, String title, String category, String place, String description,
        Instant startsAt, Instant endsAt, int capacity, List<String> requiredSkills, Instant signupOpensAt, Instant signupClosesAt,
        ActivityStatus status, String checkinCode, int confirmedCount, int waitlistCount, long version, Instant createdAt,
        Instant updatedAt) {

    public static final String COLUMNS = "id, team_id, org_path, title, category, place, description, starts_at, ends_at, capacity,"
            + " required_skills, signup_opens_at, signup_closes_at, status, checkin_code, confirmed_count, waitlist_count, version,"
            + " created_at, updated_at";

    public static Activity map(ResultSet row) throws SQLException {
        return new Activity(Db.uuid(row, "id"), Db.uuid(row, "team_id"), row.getString("org_path"), row.getString("title"),
                row.getString("category"), row.getString("place"), row.getString("description"), Db.instant(row, "starts_at"),
                Db.instant(row, "ends_at"), row.getInt("capacity"), Volunteer.textArray(row, "required_skills"),
                Db.instant(row, "signup_opens_at"), Db.instant(row, "signup_closes_at"),
                Db.enumValue(row, "status", ActivityStatus.class), row.getString("checkin_code"), row.getInt("confirmed_count"),
                row.getInt("waitlist_count"), row.getLong("version"), Db.instant(row, "created_at"), Db.instant(row, "updated_at"));
    }

    /** Length of the activity in minutes: the most a record may count without a stated reason. */
    public long lengthMinutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }

    /** When sign-up closes: the given close, else the start. */
    public Instant signupClose() {
        return signupClosesAt == null ? startsAt : signupClosesAt;
    }
}
