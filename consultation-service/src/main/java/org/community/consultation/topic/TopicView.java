package org.community.consultation.topic;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Topic", description = "A topic (议题) with its stage and the stages it may move to")
public record TopicView(UUID id, String title, @Schema(nullable = true) String description, TopicCategory category,
        @Schema(description = "Snapshot of the org unit concerned") Scope scope, String proposer, TopicStage stage,
        @Schema(nullable = true, description = "Stages this topic may move to now (guards aside)") Set<TopicStage> nextStages,
        @Schema(nullable = true, description = "Recorded consensus, when reached without a vote; null otherwise") Consensus consensus,
        @Schema(nullable = true, description = "Volunteer projects started by its resolutions, with their status in volunteer-service; in single reads only")
        List<ProjectStatus> projects,
        @Schema(description = "Version, also sent as the ETag") long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public record Scope(UUID unitId, @Schema(nullable = true) String name, @Schema(nullable = true) String level) {
    }

    public record Consensus(String summary, String recordedBy, OffsetDateTime recordedAt) {
    }

    @Schema(name = "TopicProjectStatus", description = "A volunteer project started by a resolution, with its status in volunteer-service")
    public record ProjectStatus(UUID resolutionId, @Schema(nullable = true) String projectId, @Schema(nullable = true) String title, String status,
            @Schema(description = "False when volunteer-service could not be asked and status is the last one known") boolean current) {
    }

    public static TopicView of(Topic t, List<ProjectStatus> projects) {
        return new TopicView(t.id(), t.title(), t.description(), t.category(), new Scope(t.scopeUnitId(), t.scopeName(), t.scopeLevel()),
                t.proposer(), t.stage(), t.stage().next(),
                t.consensus() == null ? null : new Consensus(t.consensus(), t.consensusBy(), Times.local(t.consensusAt())),
                projects, t.version(), Times.local(t.createdAt()), Times.local(t.updatedAt()));
    }
}
