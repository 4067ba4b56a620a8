package org.community.consultation.vote;

import java.time.Instant;
import java.util.UUID;

/**
 * An owners' (or residents') vote on a topic, with its roll totals and running tally counters. Areas in 0.01 m². A
 * snapshot of its row ({@link VoteEntity}).
 */
public record Vote(UUID id, UUID topicId, String title, String question, VoteMatter matter, VoteRule rule, String building,
        String entrance, Instant opensAt, Instant closesAt, VoteStatus status, long totalUnits, long totalOwners, long totalArea,
        Tally yes, Tally no, Tally abstain, long onlineBallots, long proxyBallots, long paperBallots, long lastSeq, String lastHash,
        VoteRule.Outcome outcome, Instant openedAt, Instant closedAt, String createdBy, long version, Instant createdAt) {

    /** Owners, units and area (0.01 m²) behind one choice. */
    public record Tally(long owners, long units, long area) {
    }

    VoteRule.Counts counts() {
        return new VoteRule.Counts(totalOwners, totalArea, yes.owners(), yes.area(), no.owners(), no.area(), abstain.owners(),
                abstain.area());
    }

    long ballots() {
        return onlineBallots + proxyBallots + paperBallots;
    }
}
