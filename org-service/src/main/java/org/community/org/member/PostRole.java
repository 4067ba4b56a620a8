package org.community.org.member;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Posts (职务) and what each needs of its unit and holder. */
@Schema(description = "书记 SECRETARY, 第一书记 FIRST_SECRETARY, 副书记 DEPUTY_SECRETARY, 专职副书记 FULL_TIME_DEPUTY_SECRETARY, "
        + "委员 COMMITTEE_MEMBER, 党小组长 GROUP_LEADER, 网格员 GRID_WORKER, 楼栋长 BUILDING_LEADER")
public enum PostRole {
    SECRETARY, FIRST_SECRETARY, DEPUTY_SECRETARY, FULL_TIME_DEPUTY_SECRETARY, COMMITTEE_MEMBER, GROUP_LEADER, GRID_WORKER, BUILDING_LEADER;

    /** A party post: held by an admitted member, on a unit with a party organization. */
    public boolean isPartyPost() {
        return this != GRID_WORKER && this != BUILDING_LEADER;
    }

    /** Whether the holder must belong to the unit's subtree; a first secretary is sent from outside (选派). */
    public boolean holderFromSubtree() {
        return isPartyPost() && this != FIRST_SECRETARY;
    }
}
