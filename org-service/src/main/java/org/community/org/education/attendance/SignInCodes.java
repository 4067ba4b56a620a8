package org.community.org.education.attendance;

import java.security.SecureRandom;

/** 6-digit sign-in codes (签到码), as volunteer check-in uses them; unguessable, not sequential. */
final class SignInCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SignInCodes() {
    }

    static String generate() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }
}
