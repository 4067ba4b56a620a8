package org.community.consultation.disclosure;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The head of one fund's ledger of a compound (table {@code ledger}): its balance and last sequence number. Entries lock
 * it, so the entries of one ledger append one at a time and every balance is exact.
 */
@Entity
@Table(name = "ledger")
@IdClass(Ledger.Key.class)
public class Ledger extends PanacheEntityBase {

    public record Key(UUID compoundId, DisclosureInputs.Fund fund) implements Serializable {
    }

    @Id
    public UUID compoundId;

    @Id
    @Enumerated(EnumType.STRING)
    public DisclosureInputs.Fund fund;

    public String compoundName;
    public String orgPath;
    /** Cents. */
    public long balance;
    public long lastSeq;
}
