package org.community.org.life;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.UuidGenerator;

/** A meeting of an organization (三会一课) with the attendance recorded with it: one aggregate, written at once. */
@Entity
@Table(name = "meeting")
public class Meeting {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "unit_id", nullable = false)
    private UUID unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MeetingType type;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(nullable = false)
    private String topic;

    @Column(name = "credit_hours", nullable = false)
    private BigDecimal creditHours;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "attendance", joinColumns = @JoinColumn(name = "meeting_id"))
    private List<Attendee> attendance = new ArrayList<>();

    protected Meeting() {
    }

    /** A new meeting; its id is given on persist, its first version is 1. */
    Meeting(UUID unitId, MeetingType type, LocalDate heldOn, String topic, BigDecimal creditHours, Instant now) {
        this.unitId = unitId;
        this.type = type;
        this.heldOn = heldOn;
        this.topic = topic;
        this.creditHours = creditHours;
        this.version = 1;
        this.createdAt = now;
    }

    /** One member's presence at the meeting (a row of {@code attendance}). */
    @Embeddable
    public static class Attendee {

        @Column(name = "member_id", nullable = false)
        private UUID memberId;

        @Enumerated(EnumType.STRING)
        @Column(name = "status", nullable = false)
        private Presence presence;

        protected Attendee() {
        }

        Attendee(UUID memberId, Presence presence) {
            this.memberId = memberId;
            this.presence = presence;
        }

        public UUID memberId() {
            return memberId;
        }

        public Presence presence() {
            return presence;
        }
    }

    void attend(UUID memberId, Presence presence) {
        attendance.add(new Attendee(memberId, presence));
    }

    public UUID id() {
        return id;
    }

    public UUID unitId() {
        return unitId;
    }

    public MeetingType type() {
        return type;
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public String topic() {
        return topic;
    }

    public BigDecimal creditHours() {
        return creditHours;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Attendee> attendance() {
        return List.copyOf(attendance);
    }
}
