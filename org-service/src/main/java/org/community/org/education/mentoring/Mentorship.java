package org.community.org.education.mentoring;

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
 * A mentor/mentee pair of a studio; {@code version} is the ETag. Read with the paths that decide who sees it: the
 * studio's unit, the mentor's and the mentee's.
 */
@Entity
@Table(name = "edu_mentorship")
public class Mentorship {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(name = "studio_id", nullable = false, updatable = false)
    private UUID studioId;

    @Column(name = "mentor_member_id", nullable = false, updatable = false)
    private UUID mentorMemberId;

    @Column(name = "mentee_member_id", nullable = false, updatable = false)
    private UUID menteeMemberId;

    @Column(name = "started_on", nullable = false, updatable = false)
    private LocalDate startedOn;

    @Column(nullable = false)
    private String goals;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MentorshipStatus status;

    @Column(name = "ended_on")
    private LocalDate endedOn;

    private String outcome;

    /** The latest assessed progress, 0–100. */
    @Column(nullable = false)
    private int progress;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Formula("(select u.path from org_unit u where u.id = (select s.unit_id from edu_studio s where s.id = studio_id))")
    private String studioPath;

    @Formula("(select m.path from member m where m.id = mentor_member_id)")
    private String mentorPath;

    @Formula("(select m.path from member m where m.id = mentee_member_id)")
    private String menteePath;

    protected Mentorship() {
    }

    /** A new active pair; the id is given on persist, the first version is 1. */
    Mentorship(UUID studioId, UUID mentorMemberId, UUID menteeMemberId, LocalDate startedOn, String goals, Instant now) {
        this.studioId = studioId;
        this.mentorMemberId = mentorMemberId;
        this.menteeMemberId = menteeMemberId;
        this.startedOn = startedOn;
        this.goals = goals;
        this.status = MentorshipStatus.ACTIVE;
        this.version = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A session was recorded: a new version, with the latest assessed progress (null: as it was). */
    void sessionRecorded(Integer latestAssessed, Instant now) {
        if (latestAssessed != null) {
            this.progress = latestAssessed;
        }
        this.updatedAt = now;
    }

    void end(MentorshipStatus to, LocalDate on, String outcome, Instant now) {
        this.status = to;
        this.endedOn = on;
        this.outcome = outcome;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID studioId() {
        return studioId;
    }

    public UUID mentorMemberId() {
        return mentorMemberId;
    }

    public UUID menteeMemberId() {
        return menteeMemberId;
    }

    public MentorshipStatus status() {
        return status;
    }

    public LocalDate startedOn() {
        return startedOn;
    }

    public long version() {
        return version;
    }

    public String studioPath() {
        return studioPath;
    }

    public String mentorPath() {
        return mentorPath;
    }

    public String menteePath() {
        return menteePath;
    }
}
