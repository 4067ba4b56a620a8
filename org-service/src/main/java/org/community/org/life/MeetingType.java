package org.community.org.life;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "党员大会 GENERAL_MEETING, 支委会 COMMITTEE_MEETING, 党小组会 GROUP_MEETING, 党课 PARTY_LECTURE, 主题党日 THEME_DAY")
public enum MeetingType {
    GENERAL_MEETING, COMMITTEE_MEETING, GROUP_MEETING, PARTY_LECTURE, THEME_DAY
}
