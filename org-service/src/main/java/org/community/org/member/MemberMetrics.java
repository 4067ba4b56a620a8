package org.community.org.member;

import org.community.org.stats.Metric;

/** The roll-up counter of each status that counts (exits count nowhere). */
public final class MemberMetrics {

    private MemberMetrics() {
    }

    public static Metric of(MemberStatus status) {
        return switch (status) {
            case APPLICANT -> Metric.MEMBERS_APPLICANT;
            case ACTIVIST -> Metric.MEMBERS_ACTIVIST;
            case DEVELOPMENT_TARGET -> Metric.MEMBERS_DEVELOPMENT_TARGET;
            case PROBATIONARY -> Metric.MEMBERS_PROBATIONARY;
            case FULL -> Metric.MEMBERS_FULL;
            case TRANSFERRED_OUT, DECEASED, REMOVED -> null;
        };
    }
}
