package org.community.volunteer.project;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Project", description = "A project with its demands (and which it closed) and resources")
public record ProjectView(UUID id, String name, ProjectKind kind, @Schema(nullable = true) UUID teamId, @Schema(nullable = true) String description, ProjectStatus status,
        @Schema(nullable = true) LocalDate plannedStart, @Schema(nullable = true) LocalDate plannedEnd, @Schema(nullable = true) String outcome, List<UUID> demandIds, List<UUID> closedDemandIds,
        List<UUID> resourceIds, @Schema(nullable = true) OffsetDateTime startedAt, @Schema(nullable = true) OffsetDateTime finishedAt, long version, OffsetDateTime createdAt) {
}
