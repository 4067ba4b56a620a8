package org.community.gateway.proxy;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.community.gateway.GatewayConfig;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * A service builds {@code Location} and {@code Content-Location} from the address it was called at, which
 * is the gateway's internal view of it. Those URLs are rewritten to the address the client used (or the
 * configured public base), so no internal host or port ever reaches a client. URLs of other sites and
 * relative references are left as they are.
 */
@Singleton
public class PublicLocation {

    private static final String[] REWRITTEN = { "Location", "Content-Location" };

    private final Optional<String> fixedBase;
    private final boolean trustForwarded;

    @Inject
    public PublicLocation(GatewayConfig config) {
        this.fixedBase = config.publicBase().url().map(url -> url.replaceAll("/+$", ""));
        this.trustForwarded = config.publicBase().trustForwardedHeaders();
    }

    void rewrite(MultiMap headers, Upstream upstream, HttpServerRequest request) {
        for (String name : REWRITTEN) {
            String value = headers.get(name);
            if (value != null) {
                String path = internalPath(value, upstream);
                if (path != null) {
                    headers.set(name, base(request) + path);
                }
            }
        }
    }

    /** The scheme the client used: the Ingress's {@code X-Forwarded-Proto} when trusted, else the gateway's own. */
    String scheme(HttpServerRequest request) {
        String forwarded = trustForwarded ? first(request.getHeader("X-Forwarded-Proto")) : null;
        return forwarded != null ? forwarded : request.scheme() == null ? "http" : request.scheme();
    }

    /** The host the client used: the Ingress's {@code X-Forwarded-Host} when trusted, else {@code Host}. */
    String host(HttpServerRequest request) {
        String forwarded = trustForwarded ? first(request.getHeader("X-Forwarded-Host")) : null;
        return forwarded != null ? forwarded : request.getHeader(HttpHeaders.HOST);
    }

    private String base(HttpServerRequest request) {
        return fixedBase.orElseGet(() -> scheme(request) + "://" + host(request));
    }

    /** The path (and query) of an absolute URL on the downstream itself, or null for anything else. */
    static String internalPath(String url, Upstream upstream) {
        int authorityStart;
        if (url.regionMatches(true, 0, "http://", 0, 7)) {
            authorityStart = 7;
        } else if (url.regionMatches(true, 0, "https://", 0, 8)) {
            authorityStart = 8;
        } else {
            return null;
        }
        int pathStart = url.indexOf('/', authorityStart);
        String authority = pathStart < 0 ? url.substring(authorityStart) : url.substring(authorityStart, pathStart);
        if (!authority.equalsIgnoreCase(upstream.authority())) {
            return null;
        }
        String path = pathStart < 0 ? "/" : url.substring(pathStart);
        String basePath = upstream.basePath();
        return !basePath.isEmpty() && path.startsWith(basePath + "/") ? path.substring(basePath.length()) : path;
    }

    private static String first(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }
}
