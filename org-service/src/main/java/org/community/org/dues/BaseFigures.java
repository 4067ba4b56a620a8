package org.community.org.dues;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A correction of a member's base for a year (PUT): the same figures as when it was set. */
@Schema(name = "DuesBaseCorrection", description = "The corrected base for the year; the previous one is kept as history",
        example = "{\"category\":\"RETIRED\",\"income\":5000.01,\"note\":\"退休金调整\"}")
public record BaseFigures(
        @NotNull DuesCategory category,
        @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal income,
        @Size(min = 3, max = 3) List<@NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal> quarterIncomes,
        @Digits(integer = 1, fraction = 2) BigDecimal fixedAmount,
        @Schema(type = SchemaType.STRING, example = "2026-01") YearMonth validFrom,
        @Size(max = 500) String note) {
}
