package org.community.conventions.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ClockProvider;

import org.community.conventions.http.Times;

/**
 * The clock Bean Validation judges {@code @Past}/{@code @PastOrPresent} by: the service's clock in the deployment's zone,
 * so "today" in a constraint is the same day as {@link Times#today}, also in the hours when UTC and Asia/Shanghai disagree.
 */
@ApplicationScoped
public class ValidationClock implements ClockProvider {

    @Inject
    Clock clock;

    @Override
    public Clock getClock() {
        return clock.withZone(Times.ZONE);
    }
}
