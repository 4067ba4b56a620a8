package org.community.org.education;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.enterprise.context.ApplicationScoped;

import org.community.conventions.http.Times;

/**
 * The time member education runs on: when a sign-in code expires, which month a ranking is about by default. One
 * bean so that tests move time with {@code QuarkusMock.installMockForType} instead of sleeping.
 */
@ApplicationScoped
public class EducationClock {

    public Clock clock() {
        return Clock.system(Times.ZONE);
    }

    public Instant now() {
        return clock().instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock());
    }

    public YearMonth month() {
        return YearMonth.now(clock());
    }
}
