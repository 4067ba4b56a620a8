package org.community.volunteer.partner;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Partner", description = "A partner organization; the contact phone is masked")
public record PartnerView(UUID id, String name, PartnerKind kind, @Schema(nullable = true) UUID orgUnitId, @Schema(nullable = true) String orgUnitName, @Schema(nullable = true) String contactName,
        @Schema(nullable = true) String contactPhone, @Schema(nullable = true) String description, long version, OffsetDateTime createdAt) {
}
