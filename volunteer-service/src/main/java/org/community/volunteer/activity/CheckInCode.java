package org.community.volunteer.activity;

import java.security.SecureRandom;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 6-digit code shown at the activity (签到码); the leader can rotate it at any time. */
@Schema(name = "CheckInCode", description = "The code volunteers type to check in and out", example = "{\"activityId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a40\",\"code\":\"482913\"}")
public record CheckInCode(UUID activityId, String code) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static String generate() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }
}
