package org.community.conventions.orgfeed;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness detail {@code org-feed}: where the consumer is. Always UP: reads keep working from the snapshot while
 * org-service is away, so the lag is shown, never a reason to take the service out of rotation. Registered by
 * {@link OrgFeedConsumer} at startup in a service that consumes the feed, so that no other service shows it.
 */
class OrgFeedReadiness implements HealthCheck {

    private final OrgFeedConsumer consumer;

    OrgFeedReadiness(OrgFeedConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        String error = consumer.lastError();
        return HealthCheckResponse.named("org-feed").up().withData("cursor", consumer.cursor()).withData("latest", consumer.latest())
                .withData("lagEvents", consumer.lagEvents()).withData("lagSeconds", consumer.lagSeconds())
                .withData("lastError", error == null ? "none" : error).build();
    }
}
