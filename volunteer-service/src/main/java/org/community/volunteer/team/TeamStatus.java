package org.community.volunteer.team;

public enum TeamStatus {
    ACTIVE, DISBANDED
}
