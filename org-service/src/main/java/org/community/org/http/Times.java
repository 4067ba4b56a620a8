package org.community.org.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Times leave the service as RFC 3339 with the offset of the deployment's zone (Asia/Shanghai by default). */
public final class Times {

    public static final ZoneId ZONE = ZoneId.of(System.getProperty("org.time-zone", "Asia/Shanghai"));

    private Times() {
    }

    /** In the deployment's zone, to the millisecond: the answer to a write reads the same as a later GET. */
    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).atZone(ZONE).toOffsetDateTime();
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
