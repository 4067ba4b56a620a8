package org.community.consultation.topic;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TopicInput", description = "A new topic (提议)",
        example = "{\"title\":\"3 栋加装电梯\",\"description\":\"3 栋 1 单元居民提议加装电梯\",\"category\":\"ELEVATOR_INSTALLATION\","
                + "\"scopeUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"proposer\":\"张建国(3-1-502 业主)\"}")
public record TopicInput(
        @NotBlank @Size(max = 200) @Schema(description = "Title", example = "3 栋加装电梯") String title,
        @NotBlank @Size(max = 10000) @Schema(description = "What is proposed and why") String description,
        @NotNull @Schema(description = "Category") TopicCategory category,
        @NotNull @Schema(description = "The org unit concerned (org-service): a COMMUNITY, COMPOUND or BUILDING") UUID scopeUnitId,
        @NotBlank @Size(max = 100) @Schema(description = "Who proposes it", example = "张建国(3-1-502 业主)") String proposer) {
}
