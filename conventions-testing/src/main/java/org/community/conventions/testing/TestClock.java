package org.community.conventions.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The clock of a service under test: the system clock plus an offset a test moves forward, so a test waits for a
 * deadline (a vote's closing time, the end of a notice period) by {@link #advance advancing} the clock instead of
 * sleeping. Replaces the conventions library's system clock in every test that has this artifact on its classpath.
 * Tests share one application, so a test that moves the clock {@link #reset}s it when done.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of(System.getProperty("community.time-zone", "Asia/Shanghai"));

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Stops the clock where it is (still moved by {@link #advance}), for a test that must not depend on how fast it runs. */
    public void freeze() {
        frozenAt = Instant.now();
    }

    /** Back to the system clock: no offset, not frozen. */
    public void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return (frozen == null ? Instant.now() : frozen).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant frozen = frozenAt;
        return frozen == null ? Clock.offset(Clock.system(zone), offset) : Clock.fixed(frozen.plus(offset), zone);
    }
}
