package org.community.consultation.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Times leave the service as RFC 3339 with the offset of the deployment's zone (Asia/Shanghai by default). */
public final class Times {

    public static final ZoneId ZONE = ZoneId.of(System.getProperty("consultation.time-zone", "Asia/Shanghai"));

    private Times() {
    }

    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
