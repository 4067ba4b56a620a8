package org.community.volunteer.volunteer;

public enum Gender {
    FEMALE, MALE
}
