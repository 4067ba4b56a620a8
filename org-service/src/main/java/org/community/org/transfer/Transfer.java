package org.community.org.transfer;

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

/** 组织关系转接: from the member's unit to another unit of the system (INTERNAL) or an organization outside it (EXTERNAL). */
@Entity
@Table(name = "transfer")
public class Transfer {

    public enum Kind {
        INTERNAL, EXTERNAL
    }

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "from_unit_id", nullable = false, updatable = false)
    private UUID fromUnitId;

    @Column(name = "to_unit_id", updatable = false)
    private UUID toUnitId;

    @Column(name = "external_org", updatable = false)
    private String externalOrg;

    @Column(name = "letter_number")
    private String letterNumber;

    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransferStatus status;

    @Column(name = "initiated_on", nullable = false, updatable = false)
    private LocalDate initiatedOn;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "decision_note")
    private String decisionNote;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Transfer() {
    }

    /** A new PENDING transfer; the id is given on persist, the first version is 1. */
    Transfer(UUID memberId, Kind kind, UUID fromUnitId, UUID toUnitId, String externalOrg, String letterNumber, String reason,
            LocalDate initiatedOn, Instant now) {
        this.memberId = memberId;
        this.kind = kind;
        this.fromUnitId = fromUnitId;
        this.toUnitId = toUnitId;
        this.externalOrg = externalOrg;
        this.letterNumber = letterNumber;
        this.reason = reason;
        this.status = TransferStatus.PENDING;
        this.initiatedOn = initiatedOn;
        this.version = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Without a letter number given, an internal transfer's letter is numbered from its id: call once it has one. */
    void numberLetterIfMissing() {
        if (letterNumber == null) {
            letterNumber = "转字〔" + initiatedOn.getYear() + "〕第" + id.toString().substring(0, 8) + "号";
        }
    }

    void decide(TransferStatus next, LocalDate on, String note, Instant now) {
        this.status = next;
        this.decidedOn = on;
        this.decisionNote = note;
        this.updatedAt = now;
    }

    @Schema(name = "Transfer", description = "A transfer of a member's organizational relationship",
            example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a40\",\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\","
                    + "\"kind\":\"INTERNAL\",\"fromUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"toUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a11\","
                    + "\"letterNumber\":\"转字〔2026〕第0190f5a2号\",\"status\":\"PENDING\",\"initiatedOn\":\"2026-11-20\",\"version\":1,"
                    + "\"createdAt\":\"2026-11-20T09:00:00+08:00\",\"updatedAt\":\"2026-11-20T09:00:00+08:00\"}")
    public record View(UUID id, UUID memberId, Kind kind, @Schema(nullable = true) UUID fromUnitId, @Schema(nullable = true) UUID toUnitId, @Schema(nullable = true) String externalOrg, @Schema(nullable = true) String letterNumber,
            @Schema(nullable = true) String reason, TransferStatus status, LocalDate initiatedOn, @Schema(nullable = true) LocalDate decidedOn, @Schema(nullable = true) String decisionNote, long version,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public View view() {
        return new View(id, memberId, kind, fromUnitId, toUnitId, externalOrg, letterNumber, reason, status, initiatedOn, decidedOn,
                decisionNote, version, Times.local(createdAt), Times.local(updatedAt));
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public Kind kind() {
        return kind;
    }

    public UUID fromUnitId() {
        return fromUnitId;
    }

    public UUID toUnitId() {
        return toUnitId;
    }

    public String externalOrg() {
        return externalOrg;
    }

    public String letterNumber() {
        return letterNumber;
    }

    public String reason() {
        return reason;
    }

    public TransferStatus status() {
        return status;
    }

    public LocalDate initiatedOn() {
        return initiatedOn;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }

    public String decisionNote() {
        return decisionNote;
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
