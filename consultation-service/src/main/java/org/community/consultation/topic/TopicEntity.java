package org.community.consultation.topic;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The row of a topic (table {@code topic}), changed through {@link TopicRepository}; the rest of the service reads the
 * immutable {@link Topic} it gives.
 */
@Entity(name = "Topic")
@Table(name = "topic")
public class TopicEntity {

    @Id
    public UUID id;

    public String title;
    public String description;

    @Enumerated(EnumType.STRING)
    public TopicCategory category;

    public UUID scopeUnitId;
    public String scopeName;
    public String scopeLevel;
    public String orgPath;
    public String proposer;

    @Enumerated(EnumType.STRING)
    public TopicStage stage;

    public String consensus;
    public String consensusBy;
    public Instant consensusAt;

    /** The ETag; new topics start at 1. */
    @Version
    public long version = 1;

    public Instant createdAt;
    public Instant updatedAt;
    /** The account (token sub) that proposed it; null for topics proposed before accounts were recorded. */
    public String proposedBy;

    public Topic toTopic() {
        return new Topic(id, title, description, category, scopeUnitId, scopeName, scopeLevel, orgPath, proposer, stage, consensus,
                consensusBy, consensusAt, version, createdAt, updatedAt, proposedBy);
    }
}
