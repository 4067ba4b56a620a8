package org.community.consultation.resolution;

import java.time.Instant;
import java.util.UUID;

/** 决议: what was decided, on what basis, who carries it out. A snapshot of its row ({@link ResolutionEntity}). */
public record Resolution(UUID id, UUID topicId, String text, Basis basis, UUID voteId, String consensus, String responsibleParty,
        int noticeDays, ResolutionStatus status, Instant publishedAt, Instant noticeEndsAt, String projectId, String projectStatus,
        String projectTitle, Instant projectStartedAt, String createdBy, long version, Instant createdAt) {

    boolean inNotice(Instant now) {
        return status == ResolutionStatus.PUBLISHED && now.isBefore(noticeEndsAt);
    }
}
