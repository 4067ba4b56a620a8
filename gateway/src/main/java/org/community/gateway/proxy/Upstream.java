package org.community.gateway.proxy;

import java.net.URI;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.vertx.core.http.HttpClient;

/**
 * One downstream service: where it is, what it owns, the largest body it takes, where its readiness is
 * asked, its connection pools (one per event loop) and its circuit breaker.
 */
public record Upstream(String name, String host, int port, boolean ssl, String basePath, List<String> resources,
        long maxBodySize, URI healthUrl, ConnectionPools pools, CircuitBreaker breaker) {

    /** A client on the calling event loop's own connections (see {@link ConnectionPools}). */
    public HttpClient client() {
        return pools.current();
    }

    public static URI parse(String name, String url) {
        URI uri = URI.create(url.trim());
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("gateway.routes." + name + ".url must be an http(s) URL, got " + url);
        }
        return uri;
    }

    /** The downstream URI for a gateway path and query. */
    public String target(String pathAndQuery) {
        return basePath.isEmpty() ? pathAndQuery : basePath + pathAndQuery;
    }

    public String url() {
        String scheme = ssl ? "https" : "http";
        return scheme + "://" + host + ":" + port + basePath;
    }

    /** The Host header the downstream is called with, and so the authority of the URLs it builds. */
    public String authority() {
        boolean defaultPort = ssl ? port == 443 : port == 80;
        return defaultPort ? host : host + ":" + port;
    }
}
