package org.community.consultation.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The art. 278 thresholds at their exact edges, where floating point would go wrong. */
class VoteRuleTest {

    private static VoteRule.Counts counts(long totalOwners, long totalArea, long yesO, long yesA, long noO, long noA, long abO, long abA) {
        return new VoteRule.Counts(totalOwners, totalArea, yesO, yesA, noO, noA, abO, abA);
    }

    @Test
    void participationOfExactlyTwoThirdsCounts() {
        // 3 owners, 300.00 m²: 2 owners with exactly 200.00 m² take part, both YES
        VoteRule.Decision d = VoteRule.OWNERS_ORDINARY.decide(counts(3, 30000, 2, 20000, 0, 0, 0, 0));
        assertEquals(VoteRule.Outcome.PASSED, d.outcome());
        // one hundredth of a square metre less and the area turnout fails
        d = VoteRule.OWNERS_ORDINARY.decide(counts(3, 30000, 2, 19999, 0, 0, 0, 0));
        assertEquals(VoteRule.Outcome.QUORUM_NOT_MET, d.outcome());
        assertFalse(d.checks().get(0).met());
        assertTrue(d.checks().get(1).met());
    }

    @Test
    void ordinaryNeedsMoreThanHalfNotHalf() {
        // 4 owners all take part; exactly half YES by head and area is not enough
        assertEquals(VoteRule.Outcome.REJECTED, VoteRule.OWNERS_ORDINARY.decide(counts(4, 40000, 2, 20000, 2, 20000, 0, 0)).outcome());
        assertEquals(VoteRule.Outcome.PASSED, VoteRule.OWNERS_ORDINARY.decide(counts(4, 40000, 3, 20001, 1, 19999, 0, 0)).outcome());
        // more than half by area but only half by head: rejected (double majority)
        assertEquals(VoteRule.Outcome.REJECTED, VoteRule.OWNERS_ORDINARY.decide(counts(4, 40000, 2, 30000, 2, 10000, 0, 0)).outcome());
    }

    @Test
    void majorNeedsThreeQuartersInclusive() {
        // 4 participating owners, 3 YES = exactly 3/4 by head; area 300.00 of 400.00 = exactly 3/4
        assertEquals(VoteRule.Outcome.PASSED, VoteRule.OWNERS_MAJOR.decide(counts(4, 40000, 3, 30000, 1, 10000, 0, 0)).outcome());
        assertEquals(VoteRule.Outcome.REJECTED, VoteRule.OWNERS_MAJOR.decide(counts(4, 40000, 3, 29999, 1, 10001, 0, 0)).outcome());
        // abstentions count as participants: 3 YES of 5 participating is below 3/4
        assertEquals(VoteRule.Outcome.REJECTED, VoteRule.OWNERS_MAJOR.decide(counts(5, 50000, 3, 30000, 0, 0, 2, 20000)).outcome());
    }

    @Test
    void largeCommunityDoesNotOverflowOrRound() {
        // 40,000 owners with 3,600,000.00 m²; 26,667 owners take part (just over 2/3 by head)
        long total = 360_000_000L;
        VoteRule.Decision d = VoteRule.OWNERS_MAJOR.decide(counts(40_000, total, 20_001, 180_000_000L, 6_666, 60_000_000L, 0, 0));
        assertTrue(d.checks().get(1).met(), "26,667 of 40,000 is at least 2/3");
        assertTrue(d.checks().get(0).met(), "240,000,000 of 360,000,000 is exactly 2/3");
        assertEquals(VoteRule.Outcome.PASSED, d.outcome());
        d = VoteRule.OWNERS_MAJOR.decide(counts(40_000, total, 20_000, 180_000_000L, 6_666, 60_000_000L, 0, 0));
        assertFalse(d.checks().get(1).met(), "26,666 of 40,000 is below 2/3");
    }

    @Test
    void simpleMajorityIsOfParticipants() {
        assertEquals(VoteRule.Outcome.PASSED, VoteRule.SIMPLE_MAJORITY.decide(counts(100, 0, 3, 0, 2, 0, 0, 0)).outcome());
        assertEquals(VoteRule.Outcome.REJECTED, VoteRule.SIMPLE_MAJORITY.decide(counts(100, 0, 2, 0, 1, 0, 1, 0)).outcome());
        assertEquals(VoteRule.Outcome.REJECTED, VoteRule.SIMPLE_MAJORITY.decide(counts(100, 0, 0, 0, 0, 0, 0, 0)).outcome());
    }

    @Test
    void theRuleFollowsTheMatter() {
        assertFalse(VoteMatter.REBUILD_OR_ALTER.allows(VoteRule.OWNERS_ORDINARY));
        assertFalse(VoteMatter.MAINTENANCE_FUND.allows(VoteRule.SIMPLE_MAJORITY));
        assertFalse(VoteMatter.COMMON_PARTS_USE.allows(VoteRule.OWNERS_ORDINARY));
        assertTrue(VoteMatter.OWNERS_ORDINARY.allows(VoteRule.OWNERS_MAJOR));
        assertFalse(VoteMatter.OWNERS_ORDINARY.allows(VoteRule.SIMPLE_MAJORITY));
        assertTrue(VoteMatter.GENERAL.allows(VoteRule.SIMPLE_MAJORITY));
    }
}
