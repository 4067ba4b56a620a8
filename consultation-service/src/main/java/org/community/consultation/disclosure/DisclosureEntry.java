package org.community.consultation.disclosure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.UuidGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.community.conventions.http.Times;

/**
 * One entry of a fund's ledger (table {@code disclosure}): append-only, a database trigger refuses updates and deletes;
 * a correction is a REVERSAL of the entry plus, if needed, a REPLACEMENT, both referencing it.
 */
@Entity
@Immutable
@Table(name = "disclosure")
public class DisclosureEntry extends PanacheEntityBase {

    public static final String ENTRY = "ENTRY";
    public static final String REVERSAL = "REVERSAL";
    public static final String REPLACEMENT = "REPLACEMENT";

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public UUID compoundId;

    @Enumerated(EnumType.STRING)
    public DisclosureInputs.Fund fund;

    public long seq;
    public String kind;

    @Enumerated(EnumType.STRING)
    public DisclosureInputs.Direction direction;

    /** Cents, positive. */
    public long amount;
    public long balanceAfter;
    public LocalDate occurredOn;
    public String summary;
    public String counterparty;
    public String voucherRef;
    public UUID correctsId;
    public String reason;
    public String recordedBy;
    public Instant recordedAt;

    DisclosureView view(String compoundName, boolean corrected) {
        return new DisclosureView(id, compoundId, compoundName, fund, seq, kind, direction, BigDecimal.valueOf(amount, 2),
                BigDecimal.valueOf(balanceAfter, 2), occurredOn, summary, counterparty, voucherRef, correctsId, reason, corrected, recordedBy,
                Times.local(recordedAt));
    }
}
