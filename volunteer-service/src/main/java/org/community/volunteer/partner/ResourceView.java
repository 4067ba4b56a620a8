package org.community.volunteer.partner;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Resource", description = "A resource offered by a partner; AVAILABLE or WITHDRAWN")
public record ResourceView(UUID id, UUID partnerId, @Schema(nullable = true) String partnerName, String title, @Schema(nullable = true) String category, @Schema(nullable = true) String description,
        @Schema(nullable = true) String quantity, String status, long version, OffsetDateTime createdAt) {
}
