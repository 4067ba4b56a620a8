package org.community.consultation.resolution;

/** DRAFT → PUBLISHED (public notice runs until noticeEndsAt, objections may be filed meanwhile). */
public enum ResolutionStatus {
    DRAFT, PUBLISHED
}
