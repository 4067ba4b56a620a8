package org.community.volunteer.hours;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReviewInput", description = "A leader's review of a record. To verify, `minutes` may adjust the computed minutes; "
        + "more than the activity's length needs a `reason`. To reject, `reason` is required.",
        example = "{\"leaderId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"minutes\":120,\"reason\":\"提前到场布置\"}")
public record ReviewInput(
        @NotNull @Schema(description = "Leader or deputy of the activity's team") UUID leaderId,
        @Min(0) @Max(1440) @Schema(description = "Minutes to credit; the computed minutes when absent") Integer minutes,
        @Size(max = 500) String reason) {
}
