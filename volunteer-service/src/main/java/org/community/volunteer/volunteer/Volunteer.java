package org.community.volunteer.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.community.conventions.db.Db;

/** A registered volunteer (志愿者) with the verified minutes that count toward the star level. */
public record Volunteer(UUID id, String name, String phone, String idNumber, Gender gender, List<String> skills,
        String availability, UUID partyMemberId, VerificationStatus verificationStatus, String verificationNote,
        UUID orgUnitId, String orgUnitName, String orgPath, long verifiedMinutes, int starLevel, long version,
        Instant createdAt, Instant updatedAt, String account) {

    public static final String COLUMNS = "id, name, phone, id_number, gender, skills, availability, party_member_id,"
            + " verification_status, verification_note, org_unit_id, org_unit_name, org_path, verified_minutes, star_level,"
            + " version, created_at, updated_at, account";

    public static Volunteer map(ResultSet row) throws SQLException {
        return new Volunteer(Db.uuid(row, "id"), row.getString("name"), row.getString("phone"), row.getString("id_number"),
                Db.enumValue(row, "gender", Gender.class), textArray(row, "skills"), row.getString("availability"),
                Db.uuid(row, "party_member_id"), Db.enumValue(row, "verification_status", VerificationStatus.class),
                row.getString("verification_note"), Db.uuid(row, "org_unit_id"), row.getString("org_unit_name"),
                row.getString("org_path"), row.getLong("verified_minutes"), row.getInt("star_level"), row.getLong("version"),
                Db.instant(row, "created_at"), Db.instant(row, "updated_at"), row.getString("account"));
    }

    public static List<String> textArray(ResultSet row, String column) throws SQLException {
        java.sql.Array array = row.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
