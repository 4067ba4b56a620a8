package org.community.conventions.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

import org.community.conventions.http.Times;

/**
 * The {@link Clock} services inject wherever a deadline or "now" decides an answer (a vote window, a notice period,
 * an idempotency record's age), so that tests set the time instead of sleeping. The system clock in the
 * deployment's zone; a test replaces it with an adjustable one ({@code conventions-testing}'s {@code TestClock}).
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(Times.ZONE);
    }
}
