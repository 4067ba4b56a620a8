package org.community.volunteer.demand;

public enum Urgency {
    LOW, NORMAL, HIGH, URGENT
}
