package org.community.volunteer.project;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProjectInput", description = "A project joining demands, resources and a team (项目清单)",
        example = "{\"name\":\"文康苑电动自行车棚\",\"kind\":\"SECRETARY_PROJECT\",\"teamId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a30\","
                + "\"demandIds\":[\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a80\"],\"resourceIds\":[\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a90\"],"
                + "\"plannedStart\":\"2023-09-01\",\"plannedEnd\":\"2023-10-31\"}")
public record ProjectInput(@NotBlank @Size(max = 100) String name, @NotNull ProjectKind kind, @NotNull UUID teamId,
        @Size(max = 2000) String description, LocalDate plannedStart, LocalDate plannedEnd,
        @Size(max = 50) @Schema(description = "Open demands of the team's community it takes on; none yet when a resolution "
                + "of consultation-service starts the project") List<@NotNull UUID> demandIds,
        @Size(max = 50) @Schema(description = "Available resources of the team's community") List<@NotNull UUID> resourceIds) {
}
