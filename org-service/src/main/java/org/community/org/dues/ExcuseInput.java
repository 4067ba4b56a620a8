package org.community.org.dues;

import java.time.YearMonth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DuesExcuseInput", description = "A valid reason for not paying, for the months it covers (open-ended without untilMonth)",
        example = "{\"fromMonth\":\"2026-03\",\"untilMonth\":\"2026-08\",\"reason\":\"重病住院,经支部研究同意\"}")
public record ExcuseInput(
        @NotNull @Schema(type = SchemaType.STRING, example = "2026-03") YearMonth fromMonth,
        @Schema(type = SchemaType.STRING, example = "2026-08") YearMonth untilMonth,
        @NotBlank @Size(max = 500) String reason) {
}
