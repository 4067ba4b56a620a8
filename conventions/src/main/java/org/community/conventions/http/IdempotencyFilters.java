package org.community.conventions.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} on POST: the same key and body replays the first answer (marked
 * {@code Idempotent-Replayed: true}); the same key with another body is 422 {@code idempotency-key-reused}; a retry
 * while the first request is still running is 409 {@code idempotency-key-in-progress} with Retry-After (the first
 * request is not done, and may still fail). A first request that failed on the service's side (5xx) is forgotten, so
 * its retry runs again; one whose replica died is taken over within seconds ({@link IdempotencyStore}).
 *
 * <p>Keys belong to the caller who sent them (the token's {@code sub}, verified before this filter runs) and to one
 * path: another caller reusing a key never sees the first answer. Applies to JSON bodies (and empty ones); an
 * endpoint that takes files handles its own retries.
 */
public class IdempotencyFilters {

    public static final String HEADER = "Idempotency-Key";
    /** Seconds a caller should wait before retrying a key whose first request is still running. */
    public static final int IN_PROGRESS_RETRY_AFTER = 1;
    private static final String PROPERTY = IdempotencyFilters.class.getName();

    private record Pending(String key, String endpoint) {
    }

    @Inject
    IdempotencyStore store;

    @Inject
    ObjectMapper json;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod()) || !isJsonOrEmpty(request.getMediaType())) {
            return null;
        }
        if (key.isBlank() || key.length() > 255 || key.indexOf('\0') >= 0) {
            throw ProblemException.badField(HEADER, "idempotencyKeyInvalid");
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        String endpoint = endpoint(request.getUriInfo().getPath(), caller(request));
        IdempotencyStore.Stored stored = store.begin(key, endpoint, sha256(body));
        switch (stored.outcome()) {
            case NEW -> request.setProperty(PROPERTY, new Pending(key, endpoint));
            case MISMATCH -> throw new ProblemException(ProblemType.IDEMPOTENCY_MISMATCH,
                    List.of(new ProblemException.Violation(HEADER, "idempotencyKeyReused")), "idempotencyKeyReused");
            case IN_PROGRESS -> throw new ProblemException(ProblemType.IDEMPOTENCY_IN_PROGRESS, "idempotencyInProgress",
                    IN_PROGRESS_RETRY_AFTER).retryAfter(IN_PROGRESS_RETRY_AFTER);
            case REPLAY -> {
                Response.ResponseBuilder replay = Response.status(stored.status()).header("Idempotent-Replayed", "true");
                if (stored.body() != null) {
                    replay.entity(stored.body()).type(stored.contentType());
                }
                if (stored.location() != null) {
                    replay.header(HttpHeaders.LOCATION, stored.location());
                }
                if (stored.etag() != null) {
                    replay.header(HttpHeaders.ETAG, stored.etag());
                }
                return replay.build();
            }
        }
        return null;
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) throws JsonProcessingException {
        if (!(request.getProperty(PROPERTY) instanceof Pending pending)) {
            return;
        }
        request.removeProperty(PROPERTY);
        if (response.getStatus() >= 500) {
            store.forget(pending.key(), pending.endpoint());
            return;
        }
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String text ? text : json.writeValueAsString(entity);
        MediaType type = response.getMediaType();
        store.complete(pending.key(), pending.endpoint(), response.getStatus(),
                type == null ? MediaType.APPLICATION_JSON : type.toString(), body,
                response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG));
    }

    /** How a key is recorded: the same spelling in every service ({@code POST <path> by <sub>}). */
    public static String endpoint(String path, String caller) {
        return "POST " + path + " by " + caller;
    }

    /** The account of the (already authenticated) caller: the token's {@code sub}, or {@code -} when anonymous. */
    private static String caller(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        if (principal == null) {
            return "-";
        }
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return principal.getName();
    }

    private static boolean isJsonOrEmpty(MediaType type) {
        return type == null || type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }

    public static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
