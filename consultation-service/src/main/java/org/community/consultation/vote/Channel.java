package org.community.consultation.vote;

/** How a ballot arrived: by the owner online, by a proxy with a written authorization, or on paper collected door to door. */
public enum Channel {
    ONLINE, PROXY, PAPER;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT) + "_ballots";
    }
}
