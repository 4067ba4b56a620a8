package org.community.org.dues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DuesRemittanceInput", description = "A unit's half-yearly remittance (上缴) to the higher organization, once the half is over",
        example = "{\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"half\":\"2026-H1\",\"amount\":3520.40,"
                + "\"remittedOn\":\"2026-07-10\",\"toOrganization\":\"民治街道党工委\"}")
public record RemittanceInput(
        @NotNull UUID unitId,
        @NotNull @Pattern(regexp = "[0-9]{4}-H[12]") @Schema(example = "2026-H1") String half,
        @NotNull @DecimalMin("0.00") @Digits(integer = 11, fraction = 2) BigDecimal amount,
        @NotNull @PastOrPresent LocalDate remittedOn,
        @NotBlank @Size(max = 200) String toOrganization,
        @Size(max = 500) String note) {
}
