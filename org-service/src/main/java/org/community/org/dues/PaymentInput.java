package org.community.org.dues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DuesPaymentInput", description = "One member's payment of one or more months, starting at the first unpaid month",
        example = "{\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"fromMonth\":\"2026-10\",\"months\":3,\"extra\":10.00,"
                + "\"amount\":145.00,\"paidOn\":\"2026-10-08\",\"method\":\"CASH\"}")
public record PaymentInput(
        @NotNull UUID memberId,
        @NotNull @Schema(type = SchemaType.STRING, example = "2026-10", description = "Must be the member's first unpaid month") YearMonth fromMonth,
        @Min(1) @Max(12) @Schema(description = "Months paid, 1 to 12; 1 when absent") Integer months,
        @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) @Schema(description = "Voluntary extra payment (自愿多交), yuan") BigDecimal extra,
        @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) @Schema(description = "The money handed in, when the clerk wants it checked: "
                + "must equal the months' dues plus extra") BigDecimal amount,
        @PastOrPresent @Schema(description = "Today when absent") LocalDate paidOn,
        @Schema(description = "CASH when absent") PaymentMethod method,
        @Schema(description = "Where the money is handed in: the member's unit when absent, or the station where the mobile member is "
                + "registered") UUID collectedAt,
        @Size(max = 500) @Schema(description = "Required when the payment settles more than 6 overdue months: why the branch accepts it")
        String backPaymentReason,
        @Size(max = 500) String note) {
}
