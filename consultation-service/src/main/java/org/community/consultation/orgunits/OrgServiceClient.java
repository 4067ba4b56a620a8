package org.community.consultation.orgunits;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.community.consultation.http.CircuitBreaker;
import org.community.consultation.http.ClientsConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * org-service over HTTP: connect and read timeouts from configuration ({@code quarkus.rest-client.org-service.*}),
 * two retries (these are idempotent GETs) and a circuit breaker, so a down org-service costs callers a quick
 * failure rather than a hung thread. An unknown unit is an empty answer, not a failure.
 */
@ApplicationScoped
public class OrgServiceClient {

    /** A unit with the ids of its ancestors from the top down. */
    public record UnitWithAncestors(RemoteUnit unit, List<UUID> ancestorIds) {
    }

    private CircuitBreaker breaker;

    @Inject
    ClientsConfig config;

    @jakarta.annotation.PostConstruct
    void init() {
        breaker = new CircuitBreaker("org-service", config.failureThreshold(), config.openFor());
    }

    @Inject
    @RestClient
    OrgServiceApi api;

    public Optional<UnitWithAncestors> unitWithAncestors(UUID id) {
        return breaker.callWithRetry(() -> fetch(id), OrgServiceClient::isFailure, 2);
    }

    private Optional<UnitWithAncestors> fetch(UUID id) {
        RemoteUnit unit;
        try {
            unit = api.unit(id);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        List<UUID> ancestors = api.ancestors(id).stream().map(RemoteUnit::id).toList();
        return Optional.of(new UnitWithAncestors(unit, ancestors));
    }

    /** Connection problems, timeouts and 5xx answers count against org-service; a 4xx is an answer. */
    private static boolean isFailure(RuntimeException e) {
        return !(e instanceof WebApplicationException w) || w.getResponse().getStatus() >= 500;
    }
}
