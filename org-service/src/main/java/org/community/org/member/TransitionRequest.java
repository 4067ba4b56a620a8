package org.community.org.member;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MemberTransition", description = "One step of the pipeline or an exit",
        example = "{\"to\":\"FULL\",\"on\":\"2024-07-01\",\"note\":\"支部大会讨论通过按期转正\"}")
public record TransitionRequest(
        @NotNull MemberStatus to,
        @NotNull @PastOrPresent @Schema(description = "Date of the step") LocalDate on,
        @Size(max = 500) String note) {
}
