package org.community.volunteer.activity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A volunteer's sign-up (报名, table {@code signup}) for an activity. It carries the activity's times, so that the
 * table's exclusion constraint keeps one volunteer's live sign-ups from overlapping; {@link SignupView} is what callers
 * see of it.
 */
@Entity
@Table(name = "signup")
public class Signup extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    /** The order of arrival (a database sequence): the waitlist is served by it. */
    @Generated
    @Column(insertable = false, updatable = false)
    public long seq;

    public UUID activityId;
    public UUID volunteerId;

    @Enumerated(EnumType.STRING)
    public SignupStatus status;

    public Instant startsAt;
    public Instant endsAt;
    public Instant createdAt;
    public Instant promotedAt;
    public Instant cancelledAt;
}
