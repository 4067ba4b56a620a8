package org.community.conventions.http;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Times leave a service as RFC 3339 with the offset of the deployment's zone: Asia/Shanghai unless the system
 * property {@code community.time-zone} names another.
 */
public final class Times {

    public static final ZoneId ZONE = ZoneId.of(System.getProperty("community.time-zone", "Asia/Shanghai"));

    private Times() {
    }

    /** In the deployment's zone, to the millisecond: the answer to a write reads the same as a later GET. */
    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).atZone(ZONE).toOffsetDateTime();
    }

    /** Today in the deployment's zone, on the system clock. */
    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Today in the deployment's zone, on the given (injected) clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
