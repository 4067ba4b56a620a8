package org.community.org.dues;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

/** A unit's half-yearly remittance (上缴) to the higher organization: recorded once per unit and half, never changed. */
@Entity
@Table(name = "dues_remittance")
public class Remittance {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "unit_id", nullable = false, updatable = false)
    private UUID unitId;

    /** {@code 2026-H1} */
    @Column(nullable = false, updatable = false)
    private String half;

    /** What the unit's subtree had received in the half when remitting. */
    @Column(name = "received_fen", nullable = false, updatable = false)
    private long receivedFen;

    @Column(name = "amount_fen", nullable = false, updatable = false)
    private long amountFen;

    @Column(name = "remitted_on", nullable = false, updatable = false)
    private LocalDate remittedOn;

    @Column(name = "to_organization", nullable = false, updatable = false)
    private String toOrganization;

    @Column(updatable = false)
    private String note;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Remittance() {
    }

    /** A new remittance; the id is given on persist. */
    Remittance(UUID unitId, String half, long receivedFen, long amountFen, LocalDate remittedOn, String toOrganization, String note,
            String recordedBy, Instant now) {
        this.unitId = unitId;
        this.half = half;
        this.receivedFen = receivedFen;
        this.amountFen = amountFen;
        this.remittedOn = remittedOn;
        this.toOrganization = toOrganization;
        this.note = note;
        this.recordedBy = recordedBy;
        this.createdAt = now;
    }

    UUID unitId() {
        return unitId;
    }

    String half() {
        return half;
    }

    long amountFen() {
        return amountFen;
    }

    LocalDate remittedOn() {
        return remittedOn;
    }

    String toOrganization() {
        return toOrganization;
    }

    String note() {
        return note;
    }

    String recordedBy() {
        return recordedBy;
    }
}
