package org.community.org.education.mentoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

/** A mentoring session of a pair, with its notes and optionally the mentee's assessed progress. Written once. */
@Entity
@Table(name = "edu_mentoring_session")
public class MentoringSession {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "mentorship_id", nullable = false, updatable = false)
    private UUID mentorshipId;

    @Column(name = "held_on", nullable = false, updatable = false)
    private LocalDate heldOn;

    @Column(nullable = false, updatable = false)
    private String topic;

    @Column(nullable = false, updatable = false)
    private String notes;

    @Column(nullable = false, updatable = false, precision = 4, scale = 1)
    private BigDecimal hours;

    @Column(updatable = false)
    private Integer progress;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected MentoringSession() {
    }

    MentoringSession(UUID mentorshipId, LocalDate heldOn, String topic, String notes, BigDecimal hours, Integer progress, String recordedBy,
            Instant now) {
        this.mentorshipId = mentorshipId;
        this.heldOn = heldOn;
        this.topic = topic;
        this.notes = notes;
        this.hours = hours;
        this.progress = progress;
        this.recordedBy = recordedBy;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    /** The mentee's progress this session assessed; null when it assessed none. */
    public Integer assessed() {
        return progress;
    }

    MentoringViews.Session view() {
        return new MentoringViews.Session(id, heldOn, topic, notes, hours, progress, recordedBy);
    }
}
