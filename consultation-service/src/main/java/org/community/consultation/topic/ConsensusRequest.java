package org.community.consultation.topic;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConsensusRequest", description = "A consensus reached without a formal vote, recorded so the topic can move to RESOLUTION",
        example = "{\"summary\":\"三方对话会一致同意下水道由物业先行维修,费用从公共收益列支\",\"recordedBy\":\"社区居委会 李娜\"}")
public record ConsensusRequest(
        @NotBlank @Size(max = 5000) @Schema(description = "What was agreed") String summary,
        @NotBlank @Size(max = 100) @Schema(description = "Who records it") String recordedBy) {
}
