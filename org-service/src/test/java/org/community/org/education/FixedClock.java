package org.community.org.education;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/** The education clock at a chosen instant, moved forward by tests instead of sleeping. */
public class FixedClock extends EducationClock {

    private Clock clock;

    public FixedClock(OffsetDateTime at) {
        this.clock = Clock.fixed(at.toInstant(), org.community.conventions.http.Times.ZONE);
    }

    public void advance(Duration by) {
        clock = Clock.offset(clock, by);
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
