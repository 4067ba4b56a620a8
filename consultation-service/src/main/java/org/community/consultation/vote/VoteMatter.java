package org.community.consultation.vote;

/**
 * What a vote decides, which fixes the weakest rule allowed (Civil Code art. 278): the rule follows the matter.
 */
public enum VoteMatter {
    /** A residents' opinion poll, not an owners' decision. */
    GENERAL(VoteRule.SIMPLE_MAJORITY),
    /** Other matters owners decide together (management rules, hiring a property company, ...). */
    OWNERS_ORDINARY(VoteRule.OWNERS_ORDINARY),
    /** 筹集、使用建筑物及其附属设施的维修资金 */
    MAINTENANCE_FUND(VoteRule.OWNERS_MAJOR),
    /** 改建、重建建筑物及其附属设施; installing an elevator counts as an alteration */
    REBUILD_OR_ALTER(VoteRule.OWNERS_MAJOR),
    /** 改变共有部分的用途或者利用共有部分从事经营活动 */
    COMMON_PARTS_USE(VoteRule.OWNERS_MAJOR);

    public final VoteRule minimumRule;

    VoteMatter(VoteRule minimumRule) {
        this.minimumRule = minimumRule;
    }

    public boolean allows(VoteRule rule) {
        return rule.strength >= minimumRule.strength;
    }
}
