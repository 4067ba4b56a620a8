package org.community.consultation.vote;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** DRAFT (the roll is being entered) → OPEN (roll frozen, ballots accepted in the window) → CLOSED (result fixed); CANCELLED. */
public enum VoteStatus {
    DRAFT, OPEN, CLOSED, CANCELLED;

    private static final Map<VoteStatus, Set<VoteStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(OPEN, CANCELLED),
            OPEN, EnumSet.of(CLOSED, CANCELLED),
            CLOSED, EnumSet.noneOf(VoteStatus.class),
            CANCELLED, EnumSet.noneOf(VoteStatus.class));

    public boolean canMoveTo(VoteStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
