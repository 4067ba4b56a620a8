package org.community.org.education.program;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;
import org.hibernate.annotations.UuidGenerator;

/**
 * A classroom, main classroom (主课堂) or sub-classroom (分课堂) of a program. Written once. Read with its host unit's
 * name and path (null without a host): the host's staff record attendance there.
 */
@Entity
@Table(name = "edu_venue")
public class Venue {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "program_id", nullable = false, updatable = false)
    private UUID programId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private VenueKind kind;

    @Column(name = "host_unit_id", updatable = false)
    private UUID hostUnitId;

    @Column(updatable = false)
    private String address;

    @Column(updatable = false)
    private Integer capacity;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Formula("(select h.name from org_unit h where h.id = host_unit_id)")
    private String hostName;

    @Formula("(select h.path from org_unit h where h.id = host_unit_id)")
    private String hostPath;

    protected Venue() {
    }

    Venue(UUID programId, VenueInput in, Instant now) {
        this.programId = programId;
        this.name = in.name().trim();
        this.kind = in.kind();
        this.hostUnitId = in.hostUnitId();
        this.address = in.address();
        this.capacity = in.capacity();
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID programId() {
        return programId;
    }

    public String name() {
        return name;
    }

    public VenueKind kind() {
        return kind;
    }

    public String hostPath() {
        return hostPath;
    }

    ProgramViews.Venue view() {
        return new ProgramViews.Venue(id, programId, name, kind, hostUnitId, hostName, address, capacity);
    }
}
