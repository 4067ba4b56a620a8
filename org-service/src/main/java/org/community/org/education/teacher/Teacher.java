package org.community.org.education.teacher;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.community.conventions.db.Db;

/** A teacher of a unit's pool (师资库) as stored, with the pool unit's path for scope checks. */
public record Teacher(UUID id, UUID unitId, String unitName, String unitPath, TeacherKind kind, UUID memberId, String name,
        String affiliation, String title, List<String> specialties, String phone, boolean active, long version) {

    static final String SELECT = "select t.*, u.name unit_name, u.path unit_path from edu_teacher t join org_unit u on u.id = t.unit_id ";

    static Teacher map(ResultSet row) throws SQLException {
        return new Teacher(Db.uuid(row, "id"), Db.uuid(row, "unit_id"), row.getString("unit_name"), row.getString("unit_path"),
                Db.enumValue(row, "kind", TeacherKind.class), Db.uuid(row, "member_id"), row.getString("name"), row.getString("affiliation"),
                row.getString("title"), List.of((String[]) row.getArray("specialties").getArray()), row.getString("phone"),
                row.getBoolean("active"), row.getLong("version"));
    }
}
