package org.community.consultation.vote;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.community.conventions.db.Db;

/** An owners' (or residents') vote on a topic, with its roll totals and running tally counters. Areas in 0.01 m². */
public record Vote(UUID id, UUID topicId, String title, String question, VoteMatter matter, VoteRule rule, String building,
        String entrance, Instant opensAt, Instant closesAt, VoteStatus status, long totalUnits, long totalOwners, long totalArea,
        Tally yes, Tally no, Tally abstain, long onlineBallots, long proxyBallots, long paperBallots, long lastSeq, String lastHash,
        VoteRule.Outcome outcome, Instant openedAt, Instant closedAt, String createdBy, long version, Instant createdAt) {

    /** Owners, units and area (0.01 m²) behind one choice. */
    public record Tally(long owners, long units, long area) {
    }

    static final String COLUMNS = "id, topic_id, title, question, matter, rule, building, entrance, opens_at, closes_at, status,"
            + " total_units, total_owners, total_area, yes_owners, yes_units, yes_area, no_owners, no_units, no_area,"
            + " abstain_owners, abstain_units, abstain_area, online_ballots, proxy_ballots, paper_ballots, last_seq, last_hash,"
            + " outcome, opened_at, closed_at, created_by, version, created_at";

    static Vote map(ResultSet r) throws SQLException {
        return new Vote(Db.uuid(r, "id"), Db.uuid(r, "topic_id"), r.getString("title"), r.getString("question"),
                Db.enumValue(r, "matter", VoteMatter.class), Db.enumValue(r, "rule", VoteRule.class), r.getString("building"),
                r.getString("entrance"), Db.instant(r, "opens_at"), Db.instant(r, "closes_at"), Db.enumValue(r, "status", VoteStatus.class),
                r.getLong("total_units"), r.getLong("total_owners"), r.getLong("total_area"),
                new Tally(r.getLong("yes_owners"), r.getLong("yes_units"), r.getLong("yes_area")),
                new Tally(r.getLong("no_owners"), r.getLong("no_units"), r.getLong("no_area")),
                new Tally(r.getLong("abstain_owners"), r.getLong("abstain_units"), r.getLong("abstain_area")),
                r.getLong("online_ballots"), r.getLong("proxy_ballots"), r.getLong("paper_ballots"), r.getLong("last_seq"),
                r.getString("last_hash"), Db.enumValue(r, "outcome", VoteRule.Outcome.class), Db.instant(r, "opened_at"),
                Db.instant(r, "closed_at"), r.getString("created_by"), r.getLong("version"), Db.instant(r, "created_at"));
    }

    VoteRule.Counts counts() {
        return new VoteRule.Counts(totalOwners, totalArea, yes.owners(), yes.area(), no.owners(), no.area(), abstain.owners(),
                abstain.area());
    }

    long ballots() {
        return onlineBallots + proxyBallots + paperBallots;
    }
}
