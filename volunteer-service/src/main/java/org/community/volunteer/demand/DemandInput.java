package org.community.volunteer.demand;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DemandInput", description = "A residents' demand (需求清单)",
        example = "{\"title\":\"小区加装电动自行车充电棚\",\"category\":\"FACILITIES\",\"urgency\":\"HIGH\",\"place\":\"文康苑小区北门\","
                + "\"requiredSkills\":[\"ELECTRICIAN\"],\"requesterName\":\"王阿姨\",\"requesterPhone\":\"13700002222\","
                + "\"orgUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a11\"}")
public record DemandInput(@NotBlank @Size(max = 100) String title, @Size(max = 2000) String description,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String category,
        @NotNull Urgency urgency, @NotBlank @Size(max = 200) String place,
        @Size(max = 10) List<@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") String> requiredSkills,
        @Size(max = 50) String requesterName,
        @Pattern(regexp = "1[3-9]\\d{9}", message = "{volunteer.phone.pattern}") @Schema(description = "Masked in responses") String requesterPhone,
        @NotNull @Schema(description = "Where the demand arises (community, compound, building); checked with org-service") UUID orgUnitId) {
}
