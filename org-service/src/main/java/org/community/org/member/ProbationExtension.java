package org.community.org.member;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProbationExtension", description = "延长预备期: at most one year beyond the regular end",
        example = "{\"until\":\"2025-07-01\",\"note\":\"支部大会决定延长预备期一年\"}")
public record ProbationExtension(
        @NotNull @Schema(description = "New end of the probation") LocalDate until,
        @Size(max = 500) String note) {
}
