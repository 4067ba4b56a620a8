package org.community.consultation.topic;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

/** One stage change of a topic, with who and why (table {@code topic_transition}, append-only). */
@Entity(name = "TopicTransition")
@Table(name = "topic_transition")
public class TopicTransitionEntity {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public UUID topicId;

    @Enumerated(EnumType.STRING)
    public TopicStage fromStage;

    @Enumerated(EnumType.STRING)
    public TopicStage toStage;

    public String actor;
    public String reason;

    @Column(name = "at")
    public Instant at;

    TopicRepository.Transition toTransition() {
        return new TopicRepository.Transition(id, fromStage, toStage, actor, reason, at);
    }
}
