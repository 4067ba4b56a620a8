package org.community.conventions.http;

import java.util.UUID;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Every request has an {@code X-Request-Id}: the caller's, or a new one. It is echoed, logged and put in problems. */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || id.isBlank() || id.length() > 200) {
            id = UUID.randomUUID().toString();
            request.getHeaders().putSingle(HEADER, id);
        }
        MDC.put("requestId", id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, request.getHeaderString(HEADER));
    }

    public static String of(HttpHeaders headers) {
        return headers.getHeaderString(HEADER);
    }
}
