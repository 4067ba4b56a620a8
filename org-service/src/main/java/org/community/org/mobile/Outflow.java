package org.community.org.mobile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.community.conventions.db.Db;

/** 流动党员: one outflow of a member, registered at a service station, closed on return. */
public record Outflow(UUID id, UUID memberId, String destinationCity, String destinationAddress, String reason, String contactPhone,
        LocalDate leftOn, LocalDate expectedReturnOn, UUID stationUnitId, LocalDate registeredOn, LocalDate returnedOn, long version,
        Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "id, member_id, destination_city, destination_address, reason, contact_phone, left_on,"
            + " expected_return_on, station_unit_id, registered_on, returned_on, version, created_at, updated_at";

    static Outflow map(ResultSet row) throws SQLException {
        return new Outflow(Db.uuid(row, "id"), Db.uuid(row, "member_id"), row.getString("destination_city"),
                row.getString("destination_address"), row.getString("reason"), row.getString("contact_phone"), Db.date(row, "left_on"),
                Db.date(row, "expected_return_on"), Db.uuid(row, "station_unit_id"), Db.date(row, "registered_on"),
                Db.date(row, "returned_on"), row.getLong("version"), Db.instant(row, "created_at"), Db.instant(row, "updated_at"));
    }
}
