package org.community.consultation.disclosure;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.conventions.db.Db;
import org.community.conventions.http.Times;
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

    static final String SELECT = "select d.*, l.compound_name, exists (select 1 from disclosure c where c.corrects_id = d.id and c.kind = 'REVERSAL')"
            + " as corrected from disclosure d join ledger l on l.compound_id = d.compound_id and l.fund = d.fund ";

    static DisclosureView map(ResultSet r) throws SQLException {
        return new DisclosureView(Db.uuid(r, "id"), Db.uuid(r, "compound_id"), r.getString("compound_name"),
                Db.enumValue(r, "fund", DisclosureInputs.Fund.class), r.getLong("seq"), r.getString("kind"),
                Db.enumValue(r, "direction", DisclosureInputs.Direction.class), BigDecimal.valueOf(r.getLong("amount"), 2),
                BigDecimal.valueOf(r.getLong("balance_after"), 2), Db.date(r, "occurred_on"), r.getString("summary"), r.getString("counterparty"),
                r.getString("voucher_ref"), Db.uuid(r, "corrects_id"), r.getString("reason"), r.getBoolean("corrected"), r.getString("recorded_by"),
                Times.local(Db.instant(r, "recorded_at")));
    }
}
