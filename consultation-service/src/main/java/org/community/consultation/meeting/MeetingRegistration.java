package org.community.consultation.meeting;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.community.conventions.http.Times;

/** One person registered for a meeting and/or attending it (table {@code meeting_registration}; one per name and party). */
@Entity
@Table(name = "meeting_registration")
public class MeetingRegistration extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public UUID meetingId;
    public String personName;

    @Enumerated(EnumType.STRING)
    public Party party;

    public Instant registeredAt;
    public Instant attendedAt;

    MeetingView.RegistrationView view() {
        return new MeetingView.RegistrationView(id, personName, party, Times.local(registeredAt), Times.local(attendedAt));
    }
}
