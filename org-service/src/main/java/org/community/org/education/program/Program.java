package org.community.org.education.program;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.community.conventions.db.Db;

/** A program (培训计划, e.g. "2024 冬训春训") as stored, with its owner unit's name and path (for scope checks). */
public record Program(UUID id, UUID unitId, String unitName, String unitPath, String name, String description, LocalDate startsOn,
        LocalDate endsOn, BigDecimal requiredCredits, ProgramStatus status, long version, Instant createdAt, Instant updatedAt) {

    static final String SELECT = "select p.*, u.name unit_name, u.path unit_path from edu_program p join org_unit u on u.id = p.unit_id ";

    static Program map(ResultSet row) throws SQLException {
        return new Program(Db.uuid(row, "id"), Db.uuid(row, "unit_id"), row.getString("unit_name"), row.getString("unit_path"),
                row.getString("name"), row.getString("description"), Db.date(row, "starts_on"), Db.date(row, "ends_on"),
                row.getBigDecimal("required_credits"), Db.enumValue(row, "status", ProgramStatus.class), row.getLong("version"),
                Db.instant(row, "created_at"), Db.instant(row, "updated_at"));
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
