package org.community.consultation.topic;

import java.time.Instant;
import java.util.UUID;

/** 议题: a matter residents talk over, from proposal to evaluation. A snapshot of its row ({@link TopicEntity}). */
public record Topic(UUID id, String title, String description, TopicCategory category, UUID scopeUnitId, String scopeName,
        String scopeLevel, String orgPath, String proposer, TopicStage stage, String consensus, String consensusBy,
        Instant consensusAt, long version, Instant createdAt, Instant updatedAt,
        /** the account (token sub) that proposed it; null for topics proposed before accounts were recorded */
        String proposedBy) {
}
