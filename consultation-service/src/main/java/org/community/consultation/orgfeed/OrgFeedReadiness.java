package org.community.consultation.orgfeed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail {@code org-feed}: where the consumer is. Always UP: reads keep working from the snapshot while
 * org-service is away, so the lag is shown, never a reason to take the service out of rotation.
 */
@Readiness
@ApplicationScoped
public class OrgFeedReadiness implements HealthCheck {

    @Inject
    OrgFeedConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        String error = consumer.lastError();
        return HealthCheckResponse.named("org-feed").up().withData("cursor", consumer.cursor()).withData("latest", consumer.latest())
                .withData("lagEvents", consumer.lagEvents()).withData("lagSeconds", consumer.lagSeconds())
                .withData("lastError", error == null ? "none" : error).build();
    }
}
