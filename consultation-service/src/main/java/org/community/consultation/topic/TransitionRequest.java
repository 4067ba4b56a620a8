package org.community.consultation.topic;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransitionRequest", description = "Move a topic to another stage, saying who and why",
        example = "{\"to\":\"PUBLIC_DELIBERATION\",\"actor\":\"社区治理委员会 王红\",\"reason\":\"合议通过,提交群议\"}")
public record TransitionRequest(
        @NotNull @Schema(description = "The stage to move to") TopicStage to,
        @NotBlank @Size(max = 100) @Schema(description = "Who moves it") String actor,
        @NotBlank @Size(max = 2000) @Schema(description = "Why") String reason) {
}
