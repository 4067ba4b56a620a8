package org.community.volunteer.activity;

public enum ActivityStatus {
    OPEN, CANCELLED
}
