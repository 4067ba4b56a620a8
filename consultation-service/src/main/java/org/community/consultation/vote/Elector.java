package org.community.consultation.vote;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A unit on a vote's roll (table {@code elector}), as read by the roll's pages, counts and the vote list's
 * visibility. Rolls are written in bulk by {@link VoteRepository#insertElectors} (JDBC batches of 1,000).
 */
@Entity
@Table(name = "elector")
@IdClass(Elector.Key.class)
public class Elector extends PanacheEntityBase {

    public record Key(UUID voteId, String unitId) implements Serializable {
    }

    @Id
    public UUID voteId;

    @Id
    public String unitId;

    public String ownerKey;
    public String ownerName;
    public String building;
    public String entrance;
    /** Floor area in 0.01 m²; null when not given. */
    public Long area;
    /** The account (token sub) of the resident this unit is linked to, if any. */
    public String account;
}
