package org.community.org.stats;

import java.util.Arrays;

import org.community.org.tree.Level;
import org.community.org.tree.OrgForm;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.UnitStatus;

/**
 * What one unit or household adds to the roll-ups of its ancestors. A change is the difference of two
 * contributions, so every write path keeps the counters right the same way.
 */
public final class Counts {

    private final long[] values = new long[Metric.values().length];

    public static Counts zero() {
        return new Counts();
    }

    /**
     * A unit's contribution. {@code hasLeader}: an active SECRETARY post (GROUP_LEADER for a GROUP) is recorded;
     * a leader name typed on the unit or imported is a display text and does not count.
     */
    public static Counts ofUnit(Level level, OrgForm form, UnitStatus status, boolean hasLeader) {
        Counts counts = new Counts();
        if (status != UnitStatus.ACTIVE) {
            return counts;
        }
        Metric byLevel = Metric.ofLevel(level);
        if (byLevel != null) {
            counts.add(byLevel, 1);
        }
        if (form == null) {
            if (level == Level.BUILDING) {
                counts.add(Metric.UNCOVERED_BUILDINGS, 1);
            }
            return counts;
        }
        counts.add(switch (form) {
            case COMMITTEE -> Metric.COMMITTEES;
            case GENERAL_BRANCH -> Metric.GENERAL_BRANCHES;
            case BRANCH -> Metric.BRANCHES;
            case GROUP -> Metric.PARTY_GROUPS;
        }, 1);
        if (!hasLeader) {
            counts.add(Metric.LEADERLESS_UNITS, 1);
        }
        return counts;
    }

    public static Counts ofUnit(OrgUnit unit) {
        return ofUnit(unit.level(), unit.form(), unit.status(), unit.hasLeader());
    }

    public static Counts ofHousehold(int residents, boolean central, boolean served) {
        Counts counts = new Counts();
        counts.add(Metric.HOUSEHOLDS, 1);
        counts.add(Metric.RESIDENTS, residents);
        if (central) {
            counts.add(Metric.CENTRAL_HOUSEHOLDS, 1);
        }
        if (central || served) {
            counts.add(Metric.SERVED_HOUSEHOLDS, 1);
        }
        return counts;
    }

    /** A member's contribution: one in the counter of their status (none after an exit), and one mobile when away. */
    public static Counts ofMember(org.community.org.member.MemberStatus status, boolean mobile) {
        Counts counts = new Counts();
        Metric metric = org.community.org.member.MemberMetrics.of(status);
        if (metric != null) {
            counts.add(metric, 1);
            if (mobile) {
                counts.add(Metric.MOBILE_MEMBERS, 1);
            }
        }
        return counts;
    }

    public Counts add(Metric metric, long amount) {
        values[metric.ordinal()] += amount;
        return this;
    }

    /** Adds another contribution into this one, in place: for aggregating many rows cheaply. */
    public Counts accumulate(Counts other) {
        for (int i = 0; i < values.length; i++) {
            values[i] += other.values[i];
        }
        return this;
    }

    public Counts plus(Counts other) {
        Counts sum = new Counts();
        for (int i = 0; i < values.length; i++) {
            sum.values[i] = values[i] + other.values[i];
        }
        return sum;
    }

    public Counts minus(Counts other) {
        return plus(other.negated());
    }

    public Counts negated() {
        Counts negated = new Counts();
        for (int i = 0; i < values.length; i++) {
            negated.values[i] = -values[i];
        }
        return negated;
    }

    public long get(Metric metric) {
        return values[metric.ordinal()];
    }

    public boolean isZero() {
        return Arrays.stream(values).allMatch(v -> v == 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Counts counts && Arrays.equals(values, counts.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Counts{");
        for (Metric metric : Metric.values()) {
            if (get(metric) != 0) {
                text.append(metric.column()).append('=').append(get(metric)).append(' ');
            }
        }
        return text.append('}').toString();
    }
}
