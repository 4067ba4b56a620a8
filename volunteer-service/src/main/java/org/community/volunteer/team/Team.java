package org.community.volunteer.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.community.conventions.db.Db;

/** A volunteer team (志愿服务队) of an org unit, led by a leader with deputies. */
public record Team(UUID id, String name, UUID orgUnitId, String orgUnitName, String orgPath, String communityPath, String category,
        String description, UUID leaderId, TeamStatus status, long version, Instant createdAt, Instant updatedAt) {

    public static final String COLUMNS = "id, name, org_unit_id, org_unit_name, org_path, community_path, category, description,"
            + " leader_id, status, version, created_at, updated_at";

    public static Team map(ResultSet row) throws SQLException {
        return new Team(Db.uuid(row, "id"), row.getString("name"), Db.uuid(row, "org_unit_id"), row.getString("org_unit_name"),
                row.getString("org_path"), row.getString("community_path"), row.getString("category"), row.getString("description"),
                Db.uuid(row, "leader_id"), Db.enumValue(row, "status", TeamStatus.class), row.getLong("version"),
                Db.instant(row, "created_at"), Db.instant(row, "updated_at"));
    }
}
