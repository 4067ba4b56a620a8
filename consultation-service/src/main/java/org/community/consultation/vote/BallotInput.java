package org.community.consultation.vote;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BallotInput", description = "One owner's ballot, covering all of that owner's units on the roll. Name the owner by "
        + "ownerKey or by one of their unitIds. PROXY needs proxyName and authorizationRef; PAPER needs evidenceRef and enteredBy.",
        example = "{\"unitId\":\"3-1-502\",\"choice\":\"YES\",\"channel\":\"PAPER\",\"evidenceRef\":\"纸质票 3-1-502 扫描件 #0192\",\"enteredBy\":\"网格员 刘芳\"}")
public record BallotInput(
        @Size(min = 1, max = 200) String ownerKey,
        @Size(min = 1, max = 100) String unitId,
        @NotNull Choice choice,
        @Schema(description = "ONLINE when absent") Channel channel,
        @Size(max = 100) @Schema(description = "Proxy's name (PROXY)") String proxyName,
        @Size(max = 200) @Schema(description = "Reference of the written authorization (PROXY)") String authorizationRef,
        @Size(max = 200) @Schema(description = "Reference of the paper ballot or its scan (PAPER)") String evidenceRef,
        @Size(max = 100) @Schema(description = "Staff member who entered it (PAPER)") String enteredBy) {
}
