package org.community.org.member;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.UuidGenerator;

/** A post held on a unit for a term; {@code endedOn} null while held. History is never deleted. */
@Entity
@Table(name = "post")
public class Post {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PostRole role;

    @Column(name = "member_id", updatable = false)
    private UUID memberId;

    @Column(name = "holder_name", nullable = false)
    private String holderName;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "term_ends_on")
    private LocalDate termEndsOn;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    @Column(name = "end_reason")
    private String endReason;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Post() {
    }

    /** A new post; the id is given on persist, the first version is 1. */
    Post(UUID unitId, PostRole role, UUID memberId, String holderName, LocalDate startsOn, LocalDate termEndsOn, Instant now) {
        this.unitId = unitId;
        this.role = role;
        this.memberId = memberId;
        this.holderName = holderName;
        this.startsOn = startsOn;
        this.termEndsOn = termEndsOn;
        this.version = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void end(LocalDate on, String reason, Instant now) {
        this.endedOn = on;
        this.endReason = reason;
        this.updatedAt = now;
    }

    @Schema(name = "Post", description = "A post on a unit with its term",
            example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a30\",\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\","
                    + "\"role\":\"SECRETARY\",\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"holderName\":\"王红\","
                    + "\"startsOn\":\"2021-10-01\",\"termEndsOn\":\"2026-09-30\",\"active\":true,\"version\":1,"
                    + "\"createdAt\":\"2023-08-20T09:00:00+08:00\"}")
    public record View(UUID id, UUID unitId, PostRole role, @Schema(nullable = true) UUID memberId, String holderName, LocalDate startsOn, @Schema(nullable = true) LocalDate termEndsOn,
            @Schema(nullable = true) LocalDate endedOn, @Schema(nullable = true) String endReason, @Schema(description = "Held now") boolean active, long version, OffsetDateTime createdAt) {
    }

    public View view() {
        return new View(id, unitId, role, memberId, holderName, startsOn, termEndsOn, endedOn, endReason, endedOn == null, version,
                Times.local(createdAt));
    }

    public UUID id() {
        return id;
    }

    public UUID unitId() {
        return unitId;
    }

    public PostRole role() {
        return role;
    }

    public UUID memberId() {
        return memberId;
    }

    public String holderName() {
        return holderName;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate termEndsOn() {
        return termEndsOn;
    }

    public LocalDate endedOn() {
        return endedOn;
    }

    public String endReason() {
        return endReason;
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
