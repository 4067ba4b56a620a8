package org.community.volunteer.partner;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartnerInput", description = "A partner organization of a community",
        example = "{\"name\":\"国网滨湖供电所\",\"kind\":\"CO_BUILDING_UNIT\",\"orgUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\","
                + "\"contactName\":\"张伟\",\"contactPhone\":\"13900001111\"}")
public record PartnerInput(@NotBlank @Size(max = 100) String name, @NotNull PartnerKind kind,
        @NotNull @Schema(description = "The org unit (usually the community) it works with; checked with org-service") UUID orgUnitId,
        @Size(max = 50) String contactName,
        @Pattern(regexp = "1[3-9]\\d{9}", message = "{volunteer.phone.pattern}") @Schema(description = "Masked in responses") String contactPhone,
        @Size(max = 1000) String description) {
}
