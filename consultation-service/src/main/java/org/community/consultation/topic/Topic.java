package org.community.consultation.topic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.community.conventions.db.Db;

/** 议题: a matter residents talk over, from proposal to evaluation. */
public record Topic(UUID id, String title, String description, TopicCategory category, UUID scopeUnitId, String scopeName,
        String scopeLevel, String orgPath, String proposer, TopicStage stage, String consensus, String consensusBy,
        Instant consensusAt, long version, Instant createdAt, Instant updatedAt,
        /** the account (token sub) that proposed it; null for topics proposed before accounts were recorded */
        String proposedBy) {

    static final String COLUMNS = "id, title, description, category, scope_unit_id, scope_name, scope_level, org_path, proposer, stage,"
            + " consensus, consensus_by, consensus_at, version, created_at, updated_at, proposed_by";

    static Topic map(ResultSet row) throws SQLException {
        return new Topic(Db.uuid(row, "id"), row.getString("title"), row.getString("description"),
                Db.enumValue(row, "category", TopicCategory.class), Db.uuid(row, "scope_unit_id"), row.getString("scope_name"),
                row.getString("scope_level"), row.getString("org_path"), row.getString("proposer"),
                Db.enumValue(row, "stage", TopicStage.class), row.getString("consensus"), row.getString("consensus_by"),
                Db.instant(row, "consensus_at"), row.getLong("version"), Db.instant(row, "created_at"), Db.instant(row, "updated_at"),
                row.getString("proposed_by"));
    }
}
