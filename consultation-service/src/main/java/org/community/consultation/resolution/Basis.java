package org.community.consultation.resolution;

/** What a resolution rests on: a passed vote, or a consensus recorded on the topic. */
public enum Basis {
    VOTE, CONSENSUS
}
