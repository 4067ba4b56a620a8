package org.community.org.tree;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.community.conventions.db.Db;

/** A node of the party-organization chain, as stored. {@code key} and {@code path} never leave the service. */
public record OrgUnit(UUID id, long key, String code, String name, Level level, OrgForm form, LocalDate establishedOn,
        UnitStatus status, String address, String leaderName, boolean hasLeader, UUID parentId, String path, int depth, LocalDate dissolvedOn,
        String dissolveReason, long version, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "id, key, code, name, level, form, established_on, status, address, leader_name, has_leader, parent_id,"
            + " path, depth, dissolved_on, dissolve_reason, version, created_at, updated_at";

    static OrgUnit map(ResultSet row) throws SQLException {
        return new OrgUnit(Db.uuid(row, "id"), row.getLong("key"), row.getString("code"), row.getString("name"),
                Db.enumValue(row, "level", Level.class), Db.enumValue(row, "form", OrgForm.class), Db.date(row, "established_on"),
                Db.enumValue(row, "status", UnitStatus.class), row.getString("address"), row.getString("leader_name"), row.getBoolean("has_leader"),
                Db.uuid(row, "parent_id"), row.getString("path"), row.getInt("depth"), Db.date(row, "dissolved_on"),
                row.getString("dissolve_reason"), row.getLong("version"), Db.instant(row, "created_at"),
                Db.instant(row, "updated_at"));
    }

    /** The same unit with another leader snapshot: whether a leading post is held, and the holder's name. */
    public OrgUnit withLeader(boolean led, String name) {
        return new OrgUnit(id, key, code, this.name, level, form, establishedOn, status, address, name, led, parentId, path, depth,
                dissolvedOn, dissolveReason, version, createdAt, updatedAt);
    }

    public boolean isActive() {
        return status == UnitStatus.ACTIVE;
    }

    public boolean hasOrganization() {
        return form != null;
    }
}
