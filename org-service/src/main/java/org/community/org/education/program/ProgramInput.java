package org.community.org.education.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ProgramInput", description = "A training program of a unit; its members are the trainees",
        example = "{\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"name\":\"2024 冬训春训\",\"startsOn\":\"2024-11-01\","
                + "\"endsOn\":\"2025-04-30\",\"requiredCredits\":12}")
public record ProgramInput(
        @NotNull @Schema(description = "The unit that runs it (a unit with a party organization)") UUID unitId,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 2000) String description,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @NotNull @DecimalMin("0") @DecimalMax("9999") @Schema(description = "Credits a trainee needs to complete the program")
        BigDecimal requiredCredits) {
}
