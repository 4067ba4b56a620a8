package org.community.consultation.meeting;

/** 议事形式 */
public enum MeetingFormat {
    /** 开放空间 */
    OPEN_SPACE,
    /** 圆桌会议 */
    ROUND_TABLE,
    /** 周末夜话 */
    WEEKEND_EVENING_TALK,
    /** 三方对话会: community, property company, owners */
    TRIPARTITE_DIALOGUE,
    /** 联席会议 */
    JOINT_MEETING,
    /** 听证会 */
    HEARING,
    /** 小院议事厅 */
    COURTYARD_COUNCIL
}
