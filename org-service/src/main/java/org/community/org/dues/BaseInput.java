package org.community.org.dues;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The base a branch sets for a member once a year. */
@Schema(name = "DuesBaseInput", description = "A member's dues base for a year. SALARIED and RETIRED need `income`, NO_FIXED_INCOME "
        + "`quarterIncomes` (the three monthly net incomes of the last quarter; the base is their average, half-up to the fen), FARMER "
        + "`fixedAmount` (0.20 to 1.00); STUDENT, UNEMPLOYED and RELIEF pay 0.20 a month. Amounts in yuan, at most two decimals.",
        example = "{\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"year\":2026,\"category\":\"SALARIED\",\"income\":4500.00}")
public record BaseInput(
        @NotNull UUID memberId,
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull DuesCategory category,
        @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) @Schema(description = "SALARIED: after-tax regular monthly income; "
                + "RETIRED: the monthly pension (yuan)") BigDecimal income,
        @Size(min = 3, max = 3) List<@NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal> quarterIncomes,
        @Digits(integer = 1, fraction = 2) @Schema(description = "FARMER: 0.20 to 1.00 yuan a month") BigDecimal fixedAmount,
        @Schema(type = SchemaType.STRING, example = "2026-01", description = "The first month it applies to, in `year`; January or the "
                + "month of admission when later, when absent") YearMonth validFrom,
        @Size(max = 500) String note) {

    /** The same figures without the member and year: what a correction carries. */
    public BaseFigures figures() {
        return new BaseFigures(category, income, quarterIncomes, fixedAmount, validFrom, note);
    }
}
