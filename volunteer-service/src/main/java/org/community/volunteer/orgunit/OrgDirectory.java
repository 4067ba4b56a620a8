package org.community.volunteer.orgunit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * The one way to org-service. The REST client's connect and read timeouts (application.properties) bound each call and
 * a {@code @Timeout} the whole lookup; both calls are idempotent GETs, so a failed lookup is retried with backoff; a
 * circuit breaker fails lookups at once while org-service is down and lets one trial lookup through when its delay has
 * passed. The values are MicroProfile Fault Tolerance keys
 * {@code org.community.volunteer.orgunit.OrgDirectory/lookup/<Annotation>/<param>} (application.properties).
 * <p>
 * Only timeouts, connection failures and 5xx answers count as org-service failing. A 404 is an answer — the unit does
 * not exist — and comes back as {@link Lookup#notFound}; any other 4xx is {@link Refused}: org-service judged the
 * request (usually the caller's own token, which is passed on), so it is neither retried nor held against org-service.
 */
@ApplicationScoped
public class OrgDirectory {

    /** A unit with its ancestors (top down), or the problem detail org-service gave for an unknown id. */
    public record Lookup(OrgServiceUnit unit, List<OrgServiceUnit> ancestors, String notFound) {
    }

    /** org-service answered with a 4xx other than 404 (and other than 408/429, which mean "not now"). */
    public static class Refused extends RuntimeException {
        public final int status;
        public final String detail;

        Refused(int status, String detail) {
            super("org-service answered " + status + ": " + detail);
            this.status = status;
            this.detail = detail;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @RestClient
    OrgServiceApi api;

    @Timeout(3000)
    @Retry(maxRetries = 1, delay = 100, jitter = 50, abortOn = { Refused.class, CircuitBreakerOpenException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 1.0, delay = 5000, successThreshold = 1, skipOn = Refused.class)
    @CircuitBreakerName("org-service")
    public Lookup lookup(UUID id) {
        try {
            OrgServiceUnit unit = api.unit(id);
            return new Lookup(unit, api.ancestors(id), null);
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            int status = response == null ? 500 : response.getStatus();
            if (status == 404) {
                return new Lookup(null, List.of(), detailOf(response, "404"));
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new Refused(status, detailOf(response, String.valueOf(status)));
            }
            throw e;
        }
    }

    private static String detailOf(Response response, String otherwise) {
        try {
            String body = response.readEntity(String.class);
            if (body == null || body.isBlank()) {
                return otherwise;
            }
            JsonNode node = JSON.readTree(body);
            return Optional.ofNullable(node.get("detail")).map(JsonNode::asText).orElse(body.length() > 300 ? body.substring(0, 300) : body);
        } catch (Exception e) {
            return otherwise;
        }
    }
}
