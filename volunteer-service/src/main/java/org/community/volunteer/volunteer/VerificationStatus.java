package org.community.volunteer.volunteer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Real-name verification (实名认证) of a volunteer's identity. */
@Schema(description = "UNVERIFIED until the ID number is checked; VERIFIED or REJECTED after review")
public enum VerificationStatus {
    UNVERIFIED, VERIFIED, REJECTED
}
