package org.community.consultation.resolution;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.conventions.http.Times;
import org.community.consultation.topic.TopicView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Resolution", description = "A resolution with its notice period, objections, tasks and volunteer project")
public record ResolutionView(UUID id, UUID topicId, String text, Basis basis, @Schema(nullable = true) UUID voteId, @Schema(nullable = true) String consensus, @Schema(nullable = true) String responsibleParty,
        int noticeDays, ResolutionStatus status,
        @Schema(description = "True while the public notice runs and objections may be filed") boolean inNotice,
        @Schema(nullable = true) OffsetDateTime publishedAt, @Schema(nullable = true) OffsetDateTime noticeEndsAt,
        @Schema(nullable = true, description = "Objections; in single reads by admin roles and grid workers in scope") List<ObjectionView> objections,
        @Schema(nullable = true, description = "Number of objections filed; in single reads") Long objectionCount,
        @Schema(nullable = true, description = "Tasks; in single reads") List<TaskView> tasks,
        @Schema(nullable = true, description = "The volunteer project started from it, with its current status") TopicView.ProjectStatus project,
        String createdBy, @Schema(description = "Version, also sent as the ETag") long version, OffsetDateTime createdAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Objection")
    public record ObjectionView(UUID id, String ownerName, @Schema(nullable = true) String unitId, String text, OffsetDateTime filedAt, @Schema(nullable = true) String answer,
            @Schema(nullable = true) String answeredBy, @Schema(nullable = true) OffsetDateTime answeredAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Task")
    public record TaskView(UUID id, UUID resolutionId, String title, @Schema(nullable = true) String owner, @Schema(nullable = true) LocalDate dueOn,
            @Schema(description = "Percent done") int progress, @Schema(description = "OPEN, IN_PROGRESS or DONE") String status,
            @Schema(description = "True when past due and not done") boolean overdue, long version, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, @Schema(nullable = true, description = "Progress entries; in single reads") List<ProgressView> history) {
    }

    @Schema(name = "TaskProgress")
    public record ProgressView(int progress, String note, String actor, OffsetDateTime at) {
    }

    static ResolutionView of(Resolution r, List<ObjectionView> objections, List<TaskView> tasks, TopicView.ProjectStatus project) {
        return of(r, objections, objections == null ? null : (long) objections.size(), tasks, project);
    }

    static ResolutionView of(Resolution r, List<ObjectionView> objections, Long objectionCount, List<TaskView> tasks,
            TopicView.ProjectStatus project) {
        return new ResolutionView(r.id(), r.topicId(), r.text(), r.basis(), r.voteId(), r.consensus(), r.responsibleParty(), r.noticeDays(),
                r.status(), r.inNotice(java.time.Instant.now()), Times.local(r.publishedAt()), Times.local(r.noticeEndsAt()), objections,
                objectionCount, tasks,
                project, r.createdBy(), r.version(), Times.local(r.createdAt()));
    }
}
