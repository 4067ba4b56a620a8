package org.community.org.member;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The development pipeline and its exits. Every allowed step is in {@link #ALLOWED}; anything else is a 409.
 * PROBATIONARY → FULL needs the probation to be over (one year after admission, later when extended).
 */
@Schema(description = "入党申请人 APPLICANT → 积极分子 ACTIVIST → 发展对象 DEVELOPMENT_TARGET → 预备党员 PROBATIONARY → 正式党员 FULL; "
        + "exits: 转出 TRANSFERRED_OUT (through a transfer only), 去世 DECEASED, 除名/取消资格 REMOVED")
public enum MemberStatus {
    APPLICANT, ACTIVIST, DEVELOPMENT_TARGET, PROBATIONARY, FULL, TRANSFERRED_OUT, DECEASED, REMOVED;

    private static final Map<MemberStatus, Set<MemberStatus>> ALLOWED = Map.of(
            APPLICANT, EnumSet.of(ACTIVIST, DECEASED, REMOVED),
            ACTIVIST, EnumSet.of(DEVELOPMENT_TARGET, DECEASED, REMOVED),
            DEVELOPMENT_TARGET, EnumSet.of(PROBATIONARY, DECEASED, REMOVED),
            PROBATIONARY, EnumSet.of(FULL, TRANSFERRED_OUT, DECEASED, REMOVED),
            FULL, EnumSet.of(TRANSFERRED_OUT, DECEASED, REMOVED),
            TRANSFERRED_OUT, EnumSet.noneOf(MemberStatus.class),
            DECEASED, EnumSet.noneOf(MemberStatus.class),
            REMOVED, EnumSet.noneOf(MemberStatus.class));

    /** {@link #ALLOWED} without the transfer out, computed once: every member view lists them. */
    private static final Map<MemberStatus, List<MemberStatus>> STEPS = stepsByStatus();

    private static Map<MemberStatus, List<MemberStatus>> stepsByStatus() {
        Map<MemberStatus, List<MemberStatus>> steps = new EnumMap<>(MemberStatus.class);
        ALLOWED.forEach((status, next) -> steps.put(status,
                next.stream().filter(step -> step != TRANSFERRED_OUT).toList()));
        return steps;
    }

    public boolean mayBecome(MemberStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** What a transition may make of this status, in pipeline order; a transfer out goes through a transfer instead. */
    public List<MemberStatus> transitionSteps() {
        return STEPS.get(this);
    }

    /** Has left the organization: the row stays as history and counts nowhere. */
    public boolean isExit() {
        return this == TRANSFERRED_OUT || this == DECEASED || this == REMOVED;
    }

    /** Admitted to the party (预备 or 正式): may hold party posts, transfer and flow out. */
    public boolean isPartyMember() {
        return this == PROBATIONARY || this == FULL;
    }
}
