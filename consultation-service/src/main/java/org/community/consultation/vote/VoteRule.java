package org.community.consultation.vote;

import java.util.ArrayList;
import java.util.List;

/**
 * How a vote is decided. Owners' rules follow Civil Code art. 278: participation by owners holding at least
 * 2/3 of the floor area and at least 2/3 of the owners; approval by more than half (ordinary matters) or at
 * least 3/4 (major matters) of the participating area and of the participating owners. Every comparison is
 * integer cross-multiplication on areas in 0.01 m² and head counts: no rounding anywhere.
 */
public enum VoteRule {
    /** More YES than half of the participants (head count); for resident opinion polls. */
    SIMPLE_MAJORITY(0, false),
    /** 业主共同决定的一般事项: 2/3 participation, more than 1/2 approval by area and by head. */
    OWNERS_ORDINARY(1, true),
    /** 业主共同决定的重大事项: 2/3 participation, at least 3/4 approval by area and by head. */
    OWNERS_MAJOR(2, true);

    public final int strength;
    /** Whether every elector needs a floor area. */
    public final boolean needsArea;

    VoteRule(int strength, boolean needsArea) {
        this.strength = strength;
        this.needsArea = needsArea;
    }

    /** One threshold the rule checks: numerator/denominator compared with num/den of the threshold. */
    public record Check(String name, long value, long base, String comparison, int thresholdNumerator, int thresholdDenominator,
            boolean met) {
    }

    public enum Outcome { PASSED, REJECTED, QUORUM_NOT_MET }

    public record Decision(List<Check> checks, Outcome outcome) {
    }

    public Decision decide(Counts c) {
        List<Check> checks = new ArrayList<>();
        long partOwners = c.participatingOwners();
        long partArea = c.participatingArea();
        if (this == SIMPLE_MAJORITY) {
            Check approval = greaterThan("APPROVAL_PARTICIPANTS", c.yesOwners(), partOwners, 1, 2);
            checks.add(approval);
            return new Decision(checks, approval.met() ? Outcome.PASSED : Outcome.REJECTED);
        }
        Check areaTurnout = atLeast("PARTICIPATION_AREA", partArea, c.totalArea(), 2, 3);
        Check ownerTurnout = atLeast("PARTICIPATION_OWNERS", partOwners, c.totalOwners(), 2, 3);
        Check areaApproval;
        Check ownerApproval;
        if (this == OWNERS_ORDINARY) {
            areaApproval = greaterThan("APPROVAL_AREA", c.yesArea(), partArea, 1, 2);
            ownerApproval = greaterThan("APPROVAL_OWNERS", c.yesOwners(), partOwners, 1, 2);
        } else {
            areaApproval = atLeast("APPROVAL_AREA", c.yesArea(), partArea, 3, 4);
            ownerApproval = atLeast("APPROVAL_OWNERS", c.yesOwners(), partOwners, 3, 4);
        }
        checks.addAll(List.of(areaTurnout, ownerTurnout, areaApproval, ownerApproval));
        Outcome outcome = !(areaTurnout.met() && ownerTurnout.met()) ? Outcome.QUORUM_NOT_MET
                : areaApproval.met() && ownerApproval.met() ? Outcome.PASSED : Outcome.REJECTED;
        return new Decision(checks, outcome);
    }

    /** value/base ≥ n/d, i.e. value·d ≥ base·n; nothing passes on an empty base. */
    static Check atLeast(String name, long value, long base, int n, int d) {
        boolean met = base > 0 && Math.multiplyExact(value, (long) d) >= Math.multiplyExact(base, (long) n);
        return new Check(name, value, base, ">=", n, d, met);
    }

    /** value/base > n/d, i.e. value·d > base·n. */
    static Check greaterThan(String name, long value, long base, int n, int d) {
        boolean met = base > 0 && Math.multiplyExact(value, (long) d) > Math.multiplyExact(base, (long) n);
        return new Check(name, value, base, ">", n, d, met);
    }

    /** The figures a rule uses. Areas in 0.01 m². */
    public record Counts(long totalOwners, long totalArea, long yesOwners, long yesArea, long noOwners, long noArea, long abstainOwners,
            long abstainArea) {

        public long participatingOwners() {
            return yesOwners + noOwners + abstainOwners;
        }

        public long participatingArea() {
            return yesArea + noArea + abstainArea;
        }
    }
}
