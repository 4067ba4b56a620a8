package org.community.consultation.disclosure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Disclosure", description = "One ledger entry, with the fund's balance after it. Append-only: a correction is a REVERSAL of "
        + "the wrong entry plus, if needed, a REPLACEMENT, both referencing it.")
public record DisclosureView(UUID id, UUID compoundId, String compoundName, DisclosureInputs.Fund fund,
        @Schema(description = "Position in the fund's ledger, from 1") long seq,
        @Schema(description = "ENTRY, REVERSAL or REPLACEMENT") String kind, DisclosureInputs.Direction direction,
        @Schema(description = "Yuan") BigDecimal amount, @Schema(description = "The fund's balance after this entry, yuan") BigDecimal balanceAfter,
        LocalDate occurredOn, String summary, @Schema(nullable = true) String counterparty, @Schema(nullable = true) String voucherRef,
        @Schema(nullable = true, description = "The entry this one corrects") UUID correctsId, @Schema(nullable = true) String reason,
        @Schema(description = "True when a later reversal cancels this entry") boolean corrected, String recordedBy, OffsetDateTime recordedAt) {
}
