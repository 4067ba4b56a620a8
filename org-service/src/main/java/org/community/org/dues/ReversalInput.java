package org.community.org.dues;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DuesReversalInput", description = "Cancels a payment with a new (reversing) entry. With `rerecord` the same months are "
        + "recorded again at once with today's dues and the given extra (a correction); without it only the member's latest payment may "
        + "be reversed, and its months are unpaid again",
        example = "{\"reason\":\"金额录入错误\",\"rerecord\":true,\"extra\":0.00}")
public record ReversalInput(
        @NotBlank @Size(max = 500) String reason,
        boolean rerecord,
        @DecimalMin("0.00") @Digits(integer = 7, fraction = 2) BigDecimal extra,
        @PastOrPresent @Schema(description = "With rerecord: the new payment's date, today when absent") LocalDate paidOn) {
}
