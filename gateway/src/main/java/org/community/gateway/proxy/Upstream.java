package org.community.gateway.proxy;

import java.net.URI;
import java.util.List;

import io.vertx.core.http.HttpClient;

/** One downstream service: where it is, what it owns, its connection pool and its circuit breaker. */
public record Upstream(String name, String host, int port, boolean ssl, String basePath, List<String> resources,
        HttpClient client, CircuitBreaker breaker) {

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
}
