package org.community.consultation.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.community.conventions.http.Times;

/** A follow-up the minutes assign (table {@code meeting_follow_up}), done once. */
@Entity
@Table(name = "meeting_follow_up")
public class MeetingFollowUp extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public UUID meetingId;
    public String description;
    public String owner;
    public LocalDate dueOn;
    public Instant doneAt;
    public int seq;

    MeetingView.FollowUpView view() {
        return new MeetingView.FollowUpView(id, description, owner, dueOn, Times.local(doneAt));
    }
}
