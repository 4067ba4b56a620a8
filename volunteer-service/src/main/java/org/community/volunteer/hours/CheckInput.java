package org.community.volunteer.hours;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Check-in or check-out: either the volunteer with the code shown at the activity, or a leader (who may back-fill the time). */
@Schema(name = "CheckInput", description = "Give `code` (volunteer) or `leaderId` (leader or deputy of the team), not both",
        example = "{\"volunteerId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"code\":\"482913\"}")
public record CheckInput(
        @NotNull UUID volunteerId,
        @Pattern(regexp = "\\d{6}", message = "{volunteer.code.pattern}") @Schema(description = "The 6-digit code shown at the activity") String code,
        @Schema(description = "The leader or deputy recording it for the volunteer") UUID leaderId,
        @Schema(description = "Leaders only: the time to record instead of now (inside the activity window, not in the future)") OffsetDateTime at) {
}
