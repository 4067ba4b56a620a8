package org.community.org.household;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.UuidGenerator;

/** 党员中心户 designation: one current per household, history kept. */
@Entity
@Table(name = "central_designation")
public class CentralDesignation {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "household_id", nullable = false, updatable = false)
    private UUID householdId;

    @Column(name = "plaque_on", nullable = false)
    private LocalDate plaqueOn;

    @Column(name = "designated_at", nullable = false)
    private Instant designatedAt;

    private String note;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason")
    private String revokeReason;

    protected CentralDesignation() {
    }

    CentralDesignation(UUID householdId, LocalDate plaqueOn, Instant designatedAt, String note) {
        this.householdId = householdId;
        this.plaqueOn = plaqueOn;
        this.designatedAt = designatedAt;
        this.note = note;
    }

    void revoke(String reason, Instant now) {
        this.revokedAt = now;
        this.revokeReason = reason;
    }

    @Schema(name = "CentralDesignationRecord", description = "One designation in a household's history")
    public record View(UUID id, @Schema(nullable = true) LocalDate plaqueDate, OffsetDateTime designatedAt, @Schema(nullable = true) String note, @Schema(nullable = true) OffsetDateTime revokedAt,
            @Schema(nullable = true) String revokeReason) {
    }

    View view() {
        return new View(id, plaqueOn, Times.local(designatedAt), note, Times.local(revokedAt), revokeReason);
    }

    public UUID id() {
        return id;
    }

    public UUID householdId() {
        return householdId;
    }

    public LocalDate plaqueOn() {
        return plaqueOn;
    }

    public Instant designatedAt() {
        return designatedAt;
    }

    public String note() {
        return note;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokeReason() {
        return revokeReason;
    }
}
