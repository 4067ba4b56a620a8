package org.community.org.mobile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.community.conventions.db.Db;
import org.hibernate.annotations.UuidGenerator;

/** 流动党员: one outflow of a member, registered at a service station, closed on return. */
@Entity
@Table(name = "mobile_outflow")
public class Outflow {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Column(name = "destination_city", nullable = false, updatable = false)
    private String destinationCity;

    @Column(name = "destination_address", updatable = false)
    private String destinationAddress;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "contact_phone", updatable = false)
    private String contactPhone;

    @Column(name = "left_on", nullable = false, updatable = false)
    private LocalDate leftOn;

    @Column(name = "expected_return_on", updatable = false)
    private LocalDate expectedReturnOn;

    @Column(name = "station_unit_id")
    private UUID stationUnitId;

    @Column(name = "registered_on")
    private LocalDate registeredOn;

    @Column(name = "returned_on")
    private LocalDate returnedOn;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Outflow() {
    }

    /** A new outflow; the id is given on persist, the first version is 1. */
    Outflow(UUID memberId, String destinationCity, String destinationAddress, String reason, String contactPhone, LocalDate leftOn,
            LocalDate expectedReturnOn, Instant now) {
        this.memberId = memberId;
        this.destinationCity = destinationCity;
        this.destinationAddress = destinationAddress;
        this.reason = reason;
        this.contactPhone = contactPhone;
        this.leftOn = leftOn;
        this.expectedReturnOn = expectedReturnOn;
        this.version = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void register(UUID station, LocalDate on, Instant now) {
        this.stationUnitId = station;
        this.registeredOn = on;
        this.updatedAt = now;
    }

    void close(LocalDate on, Instant now) {
        this.returnedOn = on;
        this.updatedAt = now;
    }

    /** An outflow as read with the names of both sides (a join over org_unit in the same statement): a snapshot. */
    static Outflow map(ResultSet row) throws SQLException {
        Outflow o = new Outflow();
        o.id = Db.uuid(row, "id");
        o.memberId = Db.uuid(row, "member_id");
        o.destinationCity = row.getString("destination_city");
        o.destinationAddress = row.getString("destination_address");
        o.reason = row.getString("reason");
        o.contactPhone = row.getString("contact_phone");
        o.leftOn = Db.date(row, "left_on");
        o.expectedReturnOn = Db.date(row, "expected_return_on");
        o.stationUnitId = Db.uuid(row, "station_unit_id");
        o.registeredOn = Db.date(row, "registered_on");
        o.returnedOn = Db.date(row, "returned_on");
        o.version = row.getLong("version");
        o.createdAt = Db.instant(row, "created_at");
        o.updatedAt = Db.instant(row, "updated_at");
        return o;
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public String destinationCity() {
        return destinationCity;
    }

    public String destinationAddress() {
        return destinationAddress;
    }

    public String reason() {
        return reason;
    }

    public String contactPhone() {
        return contactPhone;
    }

    public LocalDate leftOn() {
        return leftOn;
    }

    public LocalDate expectedReturnOn() {
        return expectedReturnOn;
    }

    public UUID stationUnitId() {
        return stationUnitId;
    }

    public LocalDate registeredOn() {
        return registeredOn;
    }

    public LocalDate returnedOn() {
        return returnedOn;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
