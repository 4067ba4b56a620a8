package org.community.org.education.mentoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Formula;
import org.hibernate.annotations.UuidGenerator;

/** 书记工作室: a studio of a unit, led by an experienced secretary. Its unit's path (for scope checks) is read with it. */
@Entity
@Table(name = "edu_studio")
public class Studio {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Column(nullable = false)
    private String name;

    @Column(name = "lead_member_id", nullable = false)
    private UUID leadMemberId;

    @Column(name = "founded_on", nullable = false)
    private LocalDate foundedOn;

    private String description;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Formula("(select u.path from org_unit u where u.id = unit_id)")
    private String unitPath;

    protected Studio() {
    }

    /** A new studio; the id is given on persist, the first version is 1. */
    Studio(UUID unitId, String name, UUID leadMemberId, LocalDate foundedOn, String description, Instant now) {
        this.unitId = unitId;
        this.name = name;
        this.leadMemberId = leadMemberId;
        this.foundedOn = foundedOn;
        this.description = description;
        this.version = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID unitId() {
        return unitId;
    }

    public String name() {
        return name;
    }

    public String unitPath() {
        return unitPath;
    }
}
