package org.community.org.education.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Formula;
import org.hibernate.annotations.UuidGenerator;

/**
 * A program (培训计划, e.g. "2024 冬训春训") of a unit; {@code version} is the ETag. The owner unit's name and path (for
 * views and scope checks) are read with the program from org_unit: two columns, not a unit entity loaded with each.
 */
@Entity
@Table(name = "edu_program")
public class Program {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "required_credits", nullable = false, precision = 6, scale = 1)
    private BigDecimal requiredCredits;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProgramStatus status;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Formula("(select u.name from org_unit u where u.id = unit_id)")
    private String unitName;

    @Formula("(select u.path from org_unit u where u.id = unit_id)")
    private String unitPath;

    protected Program() {
    }

    /** A new PLANNED program of a unit; the id is given on persist, the first version is 1. */
    Program(UUID unitId, ProgramInput in, Instant now) {
        this.unitId = unitId;
        this.status = ProgramStatus.PLANNED;
        this.version = 1;
        this.createdAt = now;
        change(in, now);
    }

    void change(ProgramInput in, Instant now) {
        this.name = in.name().trim();
        this.description = in.description();
        this.startsOn = in.startsOn();
        this.endsOn = in.endsOn();
        this.requiredCredits = in.requiredCredits();
        this.updatedAt = now;
    }

    void moveTo(ProgramStatus next, Instant now) {
        this.status = next;
        this.updatedAt = now;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }

    public UUID id() {
        return id;
    }

    public UUID unitId() {
        return unitId;
    }

    public String unitName() {
        return unitName;
    }

    public String unitPath() {
        return unitPath;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public BigDecimal requiredCredits() {
        return requiredCredits;
    }

    public ProgramStatus status() {
        return status;
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
