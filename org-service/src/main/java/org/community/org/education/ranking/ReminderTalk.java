package org.community.org.education.ranking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

/** 约谈提醒: a talk with a trainee at the bottom of a month's ranking; one per trainee, program and month. Written once. */
@Entity
@Table(name = "edu_reminder_talk")
public class ReminderTalk {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "program_id", nullable = false, updatable = false)
    private UUID programId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    /** The first day of the ranked month. */
    @Column(nullable = false, updatable = false)
    private LocalDate month;

    @Column(name = "talked_by", nullable = false, updatable = false)
    private String talkedBy;

    @Column(name = "talked_on", nullable = false, updatable = false)
    private LocalDate talkedOn;

    @Column(nullable = false, updatable = false)
    private String notes;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ReminderTalk() {
    }

    ReminderTalk(UUID programId, UUID memberId, LocalDate month, String talkedBy, LocalDate talkedOn, String notes, String recordedBy,
            Instant now) {
        this.programId = programId;
        this.memberId = memberId;
        this.month = month;
        this.talkedBy = talkedBy;
        this.talkedOn = talkedOn;
        this.notes = notes;
        this.recordedBy = recordedBy;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID programId() {
        return programId;
    }

    public UUID memberId() {
        return memberId;
    }

    public LocalDate month() {
        return month;
    }

    public String talkedBy() {
        return talkedBy;
    }

    public LocalDate talkedOn() {
        return talkedOn;
    }

    public String notes() {
        return notes;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
