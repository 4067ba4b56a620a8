package org.community.volunteer.activity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ActivityInput", description = "A new activity (shift), or its new state on update",
        example = "{\"teamId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a30\",\"title\":\"电梯安全巡查\",\"category\":\"SAFETY\","
                + "\"place\":\"文康苑小区 3 栋\",\"startsAt\":\"2023-08-20T09:00:00+08:00\",\"endsAt\":\"2023-08-20T11:30:00+08:00\","
                + "\"capacity\":20,\"requiredSkills\":[],\"signupOpensAt\":\"2023-08-10T09:00:00+08:00\"}")
public record ActivityInput(
        @NotNull @Schema(description = "The team running it (ignored on update)") UUID teamId,
        @NotBlank @Size(max = 100) String title,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*") @Schema(example = "SAFETY") String category,
        @NotBlank @Size(max = 200) String place,
        @Size(max = 2000) String description,
        @NotNull @Schema(description = "Start, RFC 3339", example = "2023-08-20T09:00:00+08:00") OffsetDateTime startsAt,
        @NotNull @Schema(description = "End, after the start and at most 24 hours later", example = "2023-08-20T11:30:00+08:00") OffsetDateTime endsAt,
        @NotNull @Min(1) @Max(10000) @Schema(description = "Places; further sign-ups go on the waitlist") Integer capacity,
        @Size(max = 10) List<@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") String> requiredSkills,
        @Schema(description = "Sign-up opens; now when absent") OffsetDateTime signupOpensAt,
        @Schema(description = "Sign-up closes; the start when absent") OffsetDateTime signupClosesAt) {
}
