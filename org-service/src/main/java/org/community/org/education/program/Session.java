package org.community.org.education.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.community.conventions.http.Times;
import org.hibernate.annotations.UuidGenerator;

/** A session of a course, at its venues (none online). Written once; attendance copies its program, course and date. */
@Entity
@Table(name = "edu_session")
public class Session {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "course_id", nullable = false, updatable = false)
    private UUID courseId;

    @Column(name = "program_id", nullable = false, updatable = false)
    private UUID programId;

    @Column(name = "starts_at", nullable = false, updatable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false, updatable = false)
    private Instant endsAt;

    /** The local date of {@code startsAt}. */
    @Column(name = "held_on", nullable = false, updatable = false)
    private LocalDate heldOn;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "edu_session_venue", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "venue_id", nullable = false)
    private Set<UUID> venueIds = new HashSet<>();

    protected Session() {
    }

    Session(Course course, Instant startsAt, Instant endsAt, List<UUID> venueIds, Instant now) {
        this.courseId = course.id();
        this.programId = course.programId();
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.heldOn = startsAt.atZone(Times.ZONE).toLocalDate();
        this.venueIds.addAll(venueIds);
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }
}
