package org.community.volunteer.team;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TeamInput", description = "A new team, or the new state of a team on update",
        example = "{\"name\":\"江欣苑社区党员先锋志愿服务队\",\"orgUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\","
                + "\"category\":\"ELDER_CARE\",\"leaderId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"deputyIds\":[]}")
public record TeamInput(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Schema(description = "The org unit the team belongs to; checked with org-service") UUID orgUnitId,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*") @Schema(description = "Service category, UPPER_SNAKE", example = "ELDER_CARE") String category,
        @Size(max = 1000) String description,
        @NotNull @Schema(description = "A registered volunteer of the team's community") UUID leaderId,
        @Size(max = 10) @Schema(description = "Deputy leaders (副队长)") List<@NotNull UUID> deputyIds) {
}
