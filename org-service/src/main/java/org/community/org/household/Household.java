package org.community.org.household;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.community.conventions.db.Db;
import org.community.org.stats.Counts;

/** A household (住户) registered in a BUILDING unit, as stored. */
public record Household(UUID id, UUID buildingId, String path, String compound, String building, String entrance, String room,
        int residents, String headName, String phone, boolean central, UUID servedBy, long version, Instant createdAt,
        Instant updatedAt) {

    static final String COLUMNS = "id, building_id, path, compound, building, entrance, room, residents, head_name, phone,"
            + " is_central, served_by, version, created_at, updated_at";

    static Household map(ResultSet row) throws SQLException {
        return new Household(Db.uuid(row, "id"), Db.uuid(row, "building_id"), row.getString("path"), row.getString("compound"),
                row.getString("building"), row.getString("entrance"), row.getString("room"), row.getInt("residents"),
                row.getString("head_name"), row.getString("phone"), row.getBoolean("is_central"), Db.uuid(row, "served_by"),
                row.getLong("version"), Db.instant(row, "created_at"), Db.instant(row, "updated_at"));
    }

    public Counts contribution() {
        return Counts.ofHousehold(residents, central, servedBy != null);
    }

    Household withService(boolean isCentral, UUID server, Instant now) {
        return new Household(id, buildingId, path, compound, building, entrance, room, residents, headName, phone, isCentral, server,
                version + 1, createdAt, now);
    }
}
