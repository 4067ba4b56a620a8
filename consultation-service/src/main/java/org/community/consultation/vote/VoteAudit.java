package org.community.consultation.vote;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Re-walks a vote's ballot chain from the genesis hash, recomputing every hash, and recounts the ballots
 * to compare with the running tally counters on the vote row. Deliberate SQL: one forward-only pass over up to tens of
 * thousands of ballot rows, read exactly as the hashes cover them, without filling a persistence context.
 */
@ApplicationScoped
public class VoteAudit {

    @Schema(name = "VoteAudit", description = "Result of re-walking the ballot chain and recounting the ballots")
    public record Report(UUID voteId,
            @Schema(description = "Ballots walked") long ballots,
            @Schema(description = "True when every link and every hash recomputes") boolean chainValid,
            @Schema(nullable = true, description = "Sequence number of the first ballot whose link or hash does not recompute") Long firstBrokenSeq,
            @Schema(nullable = true, description = "HASH_MISMATCH, LINK_MISMATCH or SEQUENCE_GAP") String brokenReason,
            @Schema(description = "True when the chain's last hash is the one the vote recorded") boolean headMatches,
            @Schema(description = "True when a full recount of the ballots equals the running tally") boolean countersMatch,
            @Schema(description = "The full recount") Recount recount) {
    }

    public record Recount(long yesOwners, long yesUnits, long yesAreaCenti, long noOwners, long noUnits, long noAreaCenti,
            long abstainOwners, long abstainUnits, long abstainAreaCenti) {
    }

    @Inject
    Db db;

    public Report audit(Vote vote) {
        return db.withConnection(connection -> {
            String expectedPrev = BallotChain.genesis(vote.id());
            long expectedSeq = 1;
            long walked = 0;
            Long broken = null;
            String reason = null;
            long[] owners = new long[3];
            long[] units = new long[3];
            long[] area = new long[3];
            try (PreparedStatement statement = connection.prepareStatement(
                    "select " + BallotView.COLUMNS + " from ballot where vote_id = ? order by seq")) {
                statement.setObject(1, vote.id());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        BallotView b = BallotView.map(rows);
                        walked++;
                        int i = b.choice().ordinal();
                        owners[i]++;
                        units[i] += b.units();
                        long centi = rows.getLong("area");
                        area[i] += centi;
                        if (broken != null) {
                            continue;
                        }
                        if (b.seq() != expectedSeq) {
                            broken = b.seq();
                            reason = "SEQUENCE_GAP";
                        } else if (!b.prevHash().equals(expectedPrev)) {
                            broken = b.seq();
                            reason = "LINK_MISMATCH";
                        } else {
                            String recomputed = BallotChain.hash(b.prevHash(), vote.id(), b.seq(), b.ownerKey(), b.choice(), b.units(), centi,
                                    b.channel(), b.proxyName(), b.authorizationRef(), b.evidenceRef(), b.enteredBy(), b.castInstant());
                            if (!recomputed.equals(b.hash())) {
                                broken = b.seq();
                                reason = "HASH_MISMATCH";
                            }
                        }
                        expectedPrev = b.hash();
                        expectedSeq++;
                    }
                }
            }
            Recount recount = new Recount(owners[0], units[0], area[0], owners[1], units[1], area[1], owners[2], units[2], area[2]);
            boolean countersMatch = recount.equals(new Recount(vote.yes().owners(), vote.yes().units(), vote.yes().area(), vote.no().owners(),
                    vote.no().units(), vote.no().area(), vote.abstain().owners(), vote.abstain().units(), vote.abstain().area()))
                    && walked == vote.ballots();
            boolean headMatches = walked == vote.lastSeq() && expectedPrev.equals(vote.lastHash());
            return new Report(vote.id(), walked, broken == null, broken, reason, headMatches, countersMatch, recount);
        });
    }
}
