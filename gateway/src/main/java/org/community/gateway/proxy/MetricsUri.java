package org.community.gateway.proxy;

import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.vertx.ext.web.RoutingContext;

/**
 * The {@code uri} tag of the HTTP server metrics for a proxied request: {@code /api/v1/<resource>} for the resource
 * itself, {@code /api/v1/<resource>/*} below it, and one {@code /api/v1/{unknown}} for every path no route owns, so ids
 * and made-up paths never become series of their own. Set where the proxy knows the resource anyway, instead of a
 * {@code match-patterns} regular expression run on every request. The built-in issuer's REST resources name their own.
 */
final class MetricsUri {

    static final String UNKNOWN = ProxyHandler.PREFIX + "{unknown}";
    /** Keyed by routed resources only (configuration), so the maps stay small. */
    private static final ConcurrentHashMap<String, String> ITSELF = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String> BELOW = new ConcurrentHashMap<>();

    private MetricsUri() {
    }

    static void routed(RoutingContext ctx, String resource) {
        set(ctx, of(ctx.normalizedPath(), resource));
    }

    static void unknown(RoutingContext ctx) {
        set(ctx, UNKNOWN);
    }

    static String of(String path, String resource) {
        boolean below = path.length() > ProxyHandler.PREFIX.length() + resource.length() + 1;
        return below ? BELOW.computeIfAbsent(resource, r -> ProxyHandler.PREFIX + r + "/*")
                : ITSELF.computeIfAbsent(resource, r -> ProxyHandler.PREFIX + r);
    }

    private static void set(RoutingContext ctx, String uri) {
        HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(ctx);
        if (metric != null) {
            metric.setTemplatePath(uri);
        }
    }
}
