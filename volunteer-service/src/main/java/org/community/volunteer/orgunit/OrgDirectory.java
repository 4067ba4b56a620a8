package org.community.volunteer.orgunit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one way to org-service. The REST client's connect and read timeouts (application.properties) bound
 * each call; both calls are idempotent GETs, so a failed one is retried once; after
 * {@value #FAILURES_TO_OPEN} failures in a row the circuit opens and calls fail at once for
 * {@value #OPEN_MILLIS} ms, then one trial call decides. (quarkus-smallrye-fault-tolerance does not resolve
 * at the pinned platform version, so these three rules are written out here.) A 404 is an answer — the
 * unit does not exist — not a failure: it comes back as {@link Lookup#notFound}.
 */
@ApplicationScoped
public class OrgDirectory {

    static final int FAILURES_TO_OPEN = 3;
    static final long OPEN_MILLIS = 5_000;

    /** A unit with its ancestors (top down), or the problem detail org-service gave for an unknown id. */
    public record Lookup(OrgServiceUnit unit, List<OrgServiceUnit> ancestors, String notFound) {
    }

    /** org-service could not be asked: down, timing out, answering 5xx, or the circuit is open. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openUntil = new AtomicLong();

    @Inject
    @RestClient
    OrgServiceApi api;

    public Lookup lookup(UUID id) {
        if (System.currentTimeMillis() < openUntil.get()) {
            throw new Unavailable("circuit open", null);
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Lookup lookup = once(id);
                failures.set(0);
                return lookup;
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() < 500) {
                    failures.set(0);
                    throw new Unavailable("org-service answered " + e.getResponse().getStatus(), e);
                }
                last = e;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        if (failures.incrementAndGet() >= FAILURES_TO_OPEN) {
            openUntil.set(System.currentTimeMillis() + OPEN_MILLIS);
            failures.set(0);
        }
        throw new Unavailable("org-service unavailable", last);
    }

    private Lookup once(UUID id) {
        try {
            OrgServiceUnit unit = api.unit(id);
            return new Lookup(unit, api.ancestors(id), null);
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            if (response != null && response.getStatus() == 404) {
                return new Lookup(null, List.of(), detailOf(response));
            }
            throw e;
        }
    }

    private static String detailOf(Response response) {
        try {
            String body = response.readEntity(String.class);
            if (body == null || body.isBlank()) {
                return "404";
            }
            JsonNode node = JSON.readTree(body);
            return Optional.ofNullable(node.get("detail")).map(JsonNode::asText).orElse(body.length() > 300 ? body.substring(0, 300) : body);
        } catch (Exception e) {
            return "404";
        }
    }
}
