package org.community.consultation.topic;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The stages of a topic (提议 → 合议 → 群议 → 决议 → 实施 → 评议 → 办结) and every allowed move, in one place.
 * Guards that depend on other data (a decided vote, a notice period) are checked by {@link TopicService}.
 */
public enum TopicStage {
    /** 提议 */
    PROPOSED,
    /** 合议: the governance committee reviews the proposal */
    JOINT_REVIEW,
    /** 群议: residents deliberate in meetings and votes */
    PUBLIC_DELIBERATION,
    /** 决议 */
    RESOLUTION,
    IMPLEMENTATION,
    /** 评议 */
    EVALUATION,
    CLOSED,
    REJECTED,
    WITHDRAWN;

    private static final Map<TopicStage, Set<TopicStage>> ALLOWED = Map.of(
            PROPOSED, EnumSet.of(JOINT_REVIEW, REJECTED, WITHDRAWN),
            JOINT_REVIEW, EnumSet.of(PUBLIC_DELIBERATION, REJECTED, WITHDRAWN),
            PUBLIC_DELIBERATION, EnumSet.of(RESOLUTION, REJECTED, WITHDRAWN),
            RESOLUTION, EnumSet.of(IMPLEMENTATION, REJECTED),
            IMPLEMENTATION, EnumSet.of(EVALUATION),
            EVALUATION, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(TopicStage.class),
            REJECTED, EnumSet.noneOf(TopicStage.class),
            WITHDRAWN, EnumSet.noneOf(TopicStage.class));

    public boolean canMoveTo(TopicStage next) {
        return ALLOWED.get(this).contains(next);
    }

    public Set<TopicStage> next() {
        return ALLOWED.get(this);
    }

    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }

    /**
     * Whether every authenticated caller may read a topic in this stage: from public deliberation on, a topic is a
     * public notice (its timeline and result too). Proposals and the committee's joint review are not; a topic
     * rejected or withdrawn is not either (it may never have left the committee).
     */
    public boolean isPublic() {
        return this == PUBLIC_DELIBERATION || this == RESOLUTION || this == IMPLEMENTATION || this == EVALUATION || this == CLOSED;
    }

    /** Stages in which residents still deliberate: meetings and votes may be held. */
    public boolean isDeliberating() {
        return this == JOINT_REVIEW || this == PUBLIC_DELIBERATION;
    }
}
