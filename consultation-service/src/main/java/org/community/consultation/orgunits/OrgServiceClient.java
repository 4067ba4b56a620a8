package org.community.consultation.orgunits;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * org-service over HTTP, the one client class for it. Each call is bounded by the REST client's connect and read
 * timeouts ({@code quarkus.rest-client.org-service.*}) and a {@code @Timeout} on the whole lookup; the lookup is two
 * idempotent GETs, so a failed one is retried with backoff; a circuit breaker fails calls at once while org-service is
 * down and lets a single trial call through when its delay has passed. The values are MicroProfile Fault Tolerance
 * configuration keys {@code org.community.consultation.orgunits.OrgServiceClient/unitWithAncestors/<Annotation>/<param>}
 * (application.properties, "Downstream services").
 * <p>
 * Only timeouts, connection failures and 5xx answers count as org-service failing. An unknown unit is an empty answer;
 * any other 4xx is {@link Refused}: org-service judged the request (usually the caller's own token, which is passed on),
 * and retrying it or opening the circuit over it would be wrong.
 */
@ApplicationScoped
public class OrgServiceClient {

    /** A unit with the ids of its ancestors from the top down. */
    public record UnitWithAncestors(RemoteUnit unit, List<UUID> ancestorIds) {
    }

    /** org-service answered with a 4xx other than 404 (and other than 408/429, which mean "not now"). */
    public static class Refused extends RuntimeException {
        public final int status;

        Refused(int status) {
            super("org-service answered " + status);
            this.status = status;
        }
    }

    @Inject
    @RestClient
    OrgServiceApi api;

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = { Refused.class, CircuitBreakerOpenException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 5000, successThreshold = 1, skipOn = Refused.class)
    @CircuitBreakerName("org-service")
    public Optional<UnitWithAncestors> unitWithAncestors(UUID id) {
        try {
            RemoteUnit unit = api.unit(id);
            List<UUID> ancestors = api.ancestors(id).stream().map(RemoteUnit::id).toList();
            return Optional.of(new UnitWithAncestors(unit, ancestors));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new Refused(status);
            }
            throw e;
        }
    }
}
