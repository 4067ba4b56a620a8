package org.community.consultation.vote;

public enum Choice {
    YES, NO, ABSTAIN;

    /** The prefix of this choice's counter columns on the vote row. */
    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
