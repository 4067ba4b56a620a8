package org.community.org.member;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PostInput", description = "Appoint someone to a post on a unit. Party posts need a member; grid workers and building "
        + "leaders may be named without one",
        example = "{\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"role\":\"SECRETARY\",\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\","
                + "\"startsOn\":\"2021-10-01\",\"termEndsOn\":\"2026-09-30\"}")
public record PostInput(
        @NotNull UUID unitId,
        @NotNull PostRole role,
        @Schema(description = "The member holding the post") UUID memberId,
        @Size(max = 50) @Schema(description = "Holder's name when not a member (grid worker, building leader)") String holderName,
        @NotNull @PastOrPresent @Schema(description = "Start of the term") LocalDate startsOn,
        @Schema(description = "Planned end of the term (任期届满)") LocalDate termEndsOn) {
}
