package org.community.org.tree;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DissolveRequest", description = "Why and when a unit is dissolved",
        example = "{\"reason\":\"小区拆迁,党员已全部转出\",\"dissolvedOn\":\"2023-06-30\"}")
public record DissolveRequest(
        @NotBlank @Size(max = 500) @Schema(description = "Reason for the record") String reason,
        @PastOrPresent @Schema(description = "Date of dissolution; today when absent") LocalDate dissolvedOn) {
}
