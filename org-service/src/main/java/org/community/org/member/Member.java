package org.community.org.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.community.conventions.db.Db;
import org.community.org.stats.Counts;

/** A party member or someone on the way to membership, as stored. {@code path} is the unit's path. */
public record Member(UUID id, UUID unitId, String path, String name, Gender gender, LocalDate birthDate, String ethnicity,
        String education, String phone, String idNumber, UUID householdId, MemberStatus status, LocalDate statusOn,
        LocalDate admittedOn, LocalDate probationEndsOn, boolean mobile, long version, Instant createdAt, Instant updatedAt) {

    public enum Gender {
        MALE, FEMALE
    }

    public static final String COLUMNS = "id, unit_id, path, name, gender, birth_date, ethnicity, education, phone, id_number,"
            + " household_id, status, status_on, admitted_on, probation_ends_on, is_mobile, version, created_at, updated_at";

    public static Member map(ResultSet row) throws SQLException {
        return new Member(Db.uuid(row, "id"), Db.uuid(row, "unit_id"), row.getString("path"), row.getString("name"),
                Db.enumValue(row, "gender", Gender.class), Db.date(row, "birth_date"), row.getString("ethnicity"),
                row.getString("education"), row.getString("phone"), row.getString("id_number"), Db.uuid(row, "household_id"),
                Db.enumValue(row, "status", MemberStatus.class), Db.date(row, "status_on"), Db.date(row, "admitted_on"),
                Db.date(row, "probation_ends_on"), row.getBoolean("is_mobile"), row.getLong("version"), Db.instant(row, "created_at"),
                Db.instant(row, "updated_at"));
    }

    public Counts contribution() {
        return Counts.ofMember(status, mobile);
    }

    public Member withUnit(UUID unit, String unitPath, Instant now) {
        return new Member(id, unit, unitPath, name, gender, birthDate, ethnicity, education, phone, idNumber, householdId, status, statusOn,
                admittedOn, probationEndsOn, mobile, version + 1, createdAt, now);
    }

    public Member withStatus(MemberStatus next, LocalDate on, LocalDate admitted, LocalDate probationEnds, Instant now) {
        return new Member(id, unitId, path, name, gender, birthDate, ethnicity, education, phone, idNumber, householdId, next, on, admitted,
                probationEnds, mobile, version + 1, createdAt, now);
    }

    public Member withMobile(boolean away, Instant now) {
        return new Member(id, unitId, path, name, gender, birthDate, ethnicity, education, phone, idNumber, householdId, status, statusOn,
                admittedOn, probationEndsOn, away, version + 1, createdAt, now);
    }
}
