package org.community.volunteer.activity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "CONFIRMED (has a place), WAITLISTED (waits for a place, promoted first come first served) or CANCELLED")
public enum SignupStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
