package org.community.org.tree;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 组织形式: independent of the level (a community may have a 党委 or a 党总支). */
@Schema(description = "Organization form: 党委 COMMITTEE, 党总支 GENERAL_BRANCH, 党支部 BRANCH, 党小组 GROUP. "
        + "Absent when no party organization has been set up at this place yet.")
public enum OrgForm {
    COMMITTEE, GENERAL_BRANCH, BRANCH, GROUP
}
