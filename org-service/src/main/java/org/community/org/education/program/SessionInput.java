package org.community.org.education.program;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SessionInput", description = "When a course is held and where: IN_PERSON needs one or more classrooms, ONLINE none, "
        + "VIDEO one main classroom and any sub-classrooms",
        example = "{\"startsAt\":\"2024-12-07T09:00:00+08:00\",\"endsAt\":\"2024-12-07T11:00:00+08:00\","
                + "\"venueIds\":[\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a40\"]}")
public record SessionInput(
        @NotNull OffsetDateTime startsAt,
        @NotNull OffsetDateTime endsAt,
        @NotNull @Size(max = 500) List<@NotNull UUID> venueIds) {
}
