package org.community.volunteer.project;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CompleteInput", description = "The outcome of a project and the demands it closed; its other demands open again",
        example = "{\"outcome\":\"建成 60 个车位的充电棚\",\"closedDemandIds\":[\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a80\"]}")
public record CompleteInput(@NotBlank @Size(max = 2000) String outcome,
        @NotNull @Size(max = 50) List<@NotNull UUID> closedDemandIds) {
}
