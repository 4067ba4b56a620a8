package org.community.org.dues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DuesBatchInput", description = "A branch's payments recorded at once (e.g. the month's collection): every item is "
        + "checked first, then all are written in one transaction, or none",
        example = "{\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"paidOn\":\"2026-10-08\",\"method\":\"CASH\",\"payments\":"
                + "[{\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"fromMonth\":\"2026-10\"}]}")
public record BatchInput(
        @NotNull @Schema(description = "The collecting unit: members of its subtree, or mobile members registered at a station in it") UUID unitId,
        @PastOrPresent @Schema(description = "Today when absent") LocalDate paidOn,
        @Schema(description = "CASH when absent") PaymentMethod method,
        @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull Item> payments) {

    @Schema(name = "DuesBatchItem", description = "One member's payment in a batch")
    public record Item(
            @NotNull UUID memberId,
            @NotNull @Schema(type = SchemaType.STRING, example = "2026-10") YearMonth fromMonth,
            @Min(1) @Max(12) Integer months,
            @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal extra,
            @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal amount,
            @Size(max = 500) String backPaymentReason,
            @Size(max = 500) String note) {
    }
}
