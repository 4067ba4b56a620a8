package org.community.volunteer.demand;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Demand", description = "A residents' demand; the requester's phone is masked except for readers of its scope and its submitter")
public record DemandView(UUID id, String title, @Schema(nullable = true) String description, @Schema(nullable = true) String category, Urgency urgency, @Schema(nullable = true) String place,
        List<String> requiredSkills, @Schema(nullable = true) String requesterName, @Schema(nullable = true) String requesterPhone, UUID orgUnitId, @Schema(nullable = true) String orgUnitName,
        DemandStatus status, @Schema(nullable = true, description = "The project that closed it") UUID closedByProject, long version,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
