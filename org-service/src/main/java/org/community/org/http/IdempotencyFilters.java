package org.community.org.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

import org.community.org.problem.ProblemException;
import org.community.org.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code Idempotency-Key} on POST: the same key and body replays the first answer (marked
 * {@code Idempotent-Replayed: true}); the same key with another body is 422; a retry while the first is
 * still running is 409. Applies to JSON bodies; the import endpoint handles its streamed files itself.
 */
public class IdempotencyFilters {

    public static final String HEADER = "Idempotency-Key";
    private static final String PROPERTY = IdempotencyFilters.class.getName();

    private record Pending(String key, String endpoint) {
    }

    @Inject
    IdempotencyStore store;

    @Inject
    ObjectMapper json;

    @Inject
    io.quarkus.security.identity.SecurityIdentity identity;

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod()) || !isJsonOrEmpty(request.getMediaType())) {
            return null;
        }
        if (key.isBlank() || key.length() > 255) {
            throw ProblemException.badField(HEADER, "idempotencyKeyInvalid");
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        // keys are per account: the token was verified before this filter runs, and another caller's key never replays
        String endpoint = "POST " + request.getUriInfo().getPath() + " " + account();
        IdempotencyStore.Stored stored = store.begin(key, endpoint, sha256(body));
        switch (stored.outcome()) {
            case NEW -> request.setProperty(PROPERTY, new Pending(key, endpoint));
            case MISMATCH -> throw new ProblemException(ProblemType.IDEMPOTENCY_MISMATCH,
                    List.of(new ProblemException.Violation(HEADER, "idempotencyKeyReused")), "idempotencyKeyReused");
            case IN_PROGRESS -> throw ProblemException.conflict("idempotencyInProgress");
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

    private static boolean isJsonOrEmpty(MediaType type) {
        return type == null || type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private String account() {
        return identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.isAnonymous() ? "-" : identity.getPrincipal().getName();
    }
}
