package org.community.consultation.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of disclosures. Amounts are yuan with at most two decimals. */
public final class DisclosureInputs {

    private DisclosureInputs() {
    }

    public enum Fund {
        /** 物业服务资金 (trust-model property fund) */
        PROPERTY_FUND,
        /** 公共收益 (income from common parts: parking, advertising, ...) */
        PUBLIC_INCOME
    }

    public enum Direction { INCOME, EXPENSE }

    @Schema(name = "DisclosureEntryInput", description = "One income or expense of a fund",
            example = "{\"compoundId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"fund\":\"PUBLIC_INCOME\",\"direction\":\"EXPENSE\","
                    + "\"amount\":3600.00,\"occurredOn\":\"2023-08-18\",\"summary\":\"下水道疏通维修\",\"counterparty\":\"济南某管道工程公司\","
                    + "\"voucherRef\":\"凭证 2023-08-031\",\"recordedBy\":\"物业财务 赵敏\"}")
    public record EntryInput(
            @NotNull @Schema(description = "The compound (org-service unit of level COMPOUND)") UUID compoundId,
            @NotNull Fund fund,
            @NotNull Direction direction,
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) @Schema(description = "Yuan, two decimals at most") BigDecimal amount,
            @NotNull @PastOrPresent LocalDate occurredOn,
            @NotBlank @Size(max = 500) String summary,
            @Size(max = 200) String counterparty,
            @Size(max = 200) @Schema(description = "Voucher or invoice reference") String voucherRef,
            @NotBlank @Size(max = 100) String recordedBy) {
    }

    @Schema(name = "CorrectionInput", description = "Corrects an entry: a reversal of it, and optionally the right entry in its place",
            example = "{\"reason\":\"金额录入错误,应为 360.00 元\",\"recordedBy\":\"物业财务 赵敏\",\"replacement\":{\"direction\":\"EXPENSE\","
                    + "\"amount\":360.00,\"occurredOn\":\"2023-08-18\",\"summary\":\"下水道疏通维修\"}}")
    public record CorrectionInput(@NotBlank @Size(max = 1000) String reason, @NotBlank @Size(max = 100) String recordedBy,
            @Valid Replacement replacement) {
    }

    @Schema(name = "CorrectionReplacement")
    public record Replacement(@NotNull Direction direction,
            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @PastOrPresent LocalDate occurredOn, @NotBlank @Size(max = 500) String summary, @Size(max = 200) String counterparty,
            @Size(max = 200) String voucherRef) {
    }
}
