package org.community.volunteer.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.OptimisticLock;
import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An activity (shift, 志愿活动, table {@code activity}) of a team: a place and time, a capacity and a sign-up window;
 * {@link ActivityView} is what callers see of it.
 */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public UUID teamId;
    public String orgPath;
    public String title;
    public String category;
    public String place;
    public String description;
    public Instant startsAt;
    public Instant endsAt;
    public int capacity;

    @Column(name = "required_skills")
    public String[] requiredSkills = new String[0];

    public Instant signupOpensAt;
    public Instant signupClosesAt;

    @Enumerated(EnumType.STRING)
    public ActivityStatus status;

    @Column(name = "checkin_code")
    public String checkinCode;

    /** Sign-ups move the counts under the activity's row lock; they are not edits of the activity, so the ETag stays. */
    @OptimisticLock(excluded = true)
    public int confirmedCount;

    @OptimisticLock(excluded = true)
    public int waitlistCount;

    /** The ETag; new rows start at 1, as they always have. */
    @Version
    public long version = 1;

    public Instant createdAt;
    public Instant updatedAt;

    /** Length of the activity in minutes: the most a record may count without a stated reason. */
    public long lengthMinutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }

    /** When sign-up closes: the given close, else the start. */
    public Instant signupClose() {
        return signupClosesAt == null ? startsAt : signupClosesAt;
    }

    public int placesLeft() {
        return Math.max(0, capacity - confirmedCount);
    }
}
