package org.community.consultation.meeting;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An opinion recorded in a meeting's minutes (table {@code meeting_opinion}), in the order given ({@code seq}). */
@Entity
@Table(name = "meeting_opinion")
public class MeetingOpinion extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public UUID meetingId;

    @Enumerated(EnumType.STRING)
    public Party party;

    public String speaker;
    public UUID topicId;
    public String opinion;
    public int seq;
}
