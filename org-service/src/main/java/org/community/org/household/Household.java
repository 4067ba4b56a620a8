package org.community.org.household;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.community.org.stats.Counts;
import org.hibernate.annotations.UuidGenerator;

/**
 * A household (住户) registered in a BUILDING unit. {@code path} is the building's path, copied for subtree ranges;
 * {@code version} is the ETag. Accessors keep the names the views and services read.
 */
@Entity
@Table(name = "household")
public class Household {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "building_id", nullable = false)
    private UUID buildingId;

    @Column(nullable = false)
    private String path;

    private String compound;

    private String building;

    @Column(nullable = false)
    private String entrance;

    @Column(nullable = false)
    private String room;

    private int residents;

    @Column(name = "head_name")
    private String headName;

    private String phone;

    @Column(name = "is_central")
    private boolean central;

    @Column(name = "served_by")
    private UUID servedBy;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Household() {
    }

    /** A new household at an address; its id is given on persist, its first version is 1. */
    Household(UUID buildingId, String path, Address address, int residents, String headName, String phone, Instant now) {
        this.buildingId = buildingId;
        this.path = path;
        place(address);
        this.residents = residents;
        this.headName = headName;
        this.phone = phone;
        this.version = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The address as written: compound, building, entrance (单元, empty when there is one) and room. */
    record Address(String compound, String building, String entrance, String room) {
    }

    /** Replaces the fields a PUT carries; a new building moves the household (and its subtree path). */
    void change(UUID building, String buildingPath, Address address, int residentsCount, String head, String phoneNumber,
            UUID server, Instant now) {
        this.buildingId = building;
        this.path = buildingPath;
        place(address);
        this.residents = residentsCount;
        this.headName = head;
        this.phone = phoneNumber;
        this.servedBy = server;
        this.updatedAt = now;
    }

    /** Whether it is a central household, and which one serves it (null: none). */
    void serve(boolean isCentral, UUID server, Instant now) {
        this.central = isCentral;
        this.servedBy = server;
        this.updatedAt = now;
    }

    private void place(Address address) {
        this.compound = address.compound();
        this.building = address.building();
        this.entrance = address.entrance();
        this.room = address.room();
    }

    public Counts contribution() {
        return Counts.ofHousehold(residents, central, servedBy != null);
    }

    public UUID id() {
        return id;
    }

    public UUID buildingId() {
        return buildingId;
    }

    public String path() {
        return path;
    }

    public String compound() {
        return compound;
    }

    public String building() {
        return building;
    }

    public String entrance() {
        return entrance;
    }

    public String room() {
        return room;
    }

    public int residents() {
        return residents;
    }

    public String headName() {
        return headName;
    }

    public String phone() {
        return phone;
    }

    public boolean central() {
        return central;
    }

    public UUID servedBy() {
        return servedBy;
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
