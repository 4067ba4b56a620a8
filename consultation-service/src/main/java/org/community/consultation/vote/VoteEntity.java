package org.community.consultation.vote;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The row of a vote (table {@code vote}): its definition, status, opening and closing, changed through
 * {@link VoteService} under its row lock; the rest of the service reads the immutable {@link Vote} it gives.
 * <p>
 * The roll totals, the running tally and the chain head on the same row are written only by SQL in
 * {@link VoteRepository} (the roll frozen in bulk, each ballot counted with {@code x = x + ?} under the row lock), so
 * they are mapped read-only here: an update of the header never writes them back.
 */
@Entity(name = "Vote")
@Table(name = "vote")
public class VoteEntity {

    /** Assigned before persisting ({@code Ids.newId()}, a UUIDv7): the genesis of the ballot chain hashes it. */
    @Id
    public UUID id;

    public UUID topicId;
    public String title;
    public String question;

    @Enumerated(EnumType.STRING)
    public VoteMatter matter;

    @Enumerated(EnumType.STRING)
    public VoteRule rule;

    public String building;
    public String entrance;
    public Instant opensAt;
    public Instant closesAt;

    @Enumerated(EnumType.STRING)
    public VoteStatus status;

    @Enumerated(EnumType.STRING)
    public VoteRule.Outcome outcome;

    public Instant openedAt;
    public Instant closedAt;
    public String createdBy;

    /** The ETag; new votes start at 1. Ballots do not change it (they change the counters only). */
    @Version
    public long version = 1;

    public Instant createdAt;

    /** The chain head: inserted as the genesis, moved by each ballot. */
    @Column(updatable = false)
    public String lastHash;

    @Column(insertable = false, updatable = false)
    public long lastSeq;

    @Column(insertable = false, updatable = false)
    public long totalUnits;
    @Column(insertable = false, updatable = false)
    public long totalOwners;
    @Column(insertable = false, updatable = false)
    public long totalArea;

    @Column(insertable = false, updatable = false)
    public long yesOwners;
    @Column(insertable = false, updatable = false)
    public long yesUnits;
    @Column(insertable = false, updatable = false)
    public long yesArea;
    @Column(insertable = false, updatable = false)
    public long noOwners;
    @Column(insertable = false, updatable = false)
    public long noUnits;
    @Column(insertable = false, updatable = false)
    public long noArea;
    @Column(insertable = false, updatable = false)
    public long abstainOwners;
    @Column(insertable = false, updatable = false)
    public long abstainUnits;
    @Column(insertable = false, updatable = false)
    public long abstainArea;

    @Column(insertable = false, updatable = false)
    public long onlineBallots;
    @Column(insertable = false, updatable = false)
    public long proxyBallots;
    @Column(insertable = false, updatable = false)
    public long paperBallots;

    public Vote toVote() {
        return new Vote(id, topicId, title, question, matter, rule, building, entrance, opensAt, closesAt, status, totalUnits, totalOwners,
                totalArea, new Vote.Tally(yesOwners, yesUnits, yesArea), new Vote.Tally(noOwners, noUnits, noArea),
                new Vote.Tally(abstainOwners, abstainUnits, abstainArea), onlineBallots, proxyBallots, paperBallots, lastSeq, lastHash,
                outcome, openedAt, closedAt, createdBy, version, createdAt);
    }
}
