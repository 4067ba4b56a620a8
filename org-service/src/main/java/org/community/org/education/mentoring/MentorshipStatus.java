package org.community.org.education.mentoring;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A mentor/mentee pair's life; every allowed move is in {@link #ALLOWED}, anything else is a 409. */
@Schema(description = "带教中 ACTIVE → 已出师 COMPLETED (the mentee stands on their own) or 已终止 ENDED (stopped early, with the reason)")
public enum MentorshipStatus {
    ACTIVE, COMPLETED, ENDED;

    private static final Map<MentorshipStatus, Set<MentorshipStatus>> ALLOWED = Map.of(
            ACTIVE, EnumSet.of(COMPLETED, ENDED),
            COMPLETED, EnumSet.noneOf(MentorshipStatus.class),
            ENDED, EnumSet.noneOf(MentorshipStatus.class));

    public boolean mayBecome(MentorshipStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
