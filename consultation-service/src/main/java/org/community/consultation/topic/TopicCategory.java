package org.community.consultation.topic;

/** What a topic is about. */
public enum TopicCategory {
    /** 加装电梯 */
    ELEVATOR_INSTALLATION,
    /** 物业费 */
    PROPERTY_FEES,
    ENVIRONMENT,
    PARKING,
    RENOVATION,
    SAFETY,
    OTHER
}
