package org.community.gateway.proxy;

import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

import org.community.gateway.GatewayConfig;
import org.jboss.logging.Logger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * The resource map: the first path segment after {@code /api/v1/} names the downstream. Built once from
 * {@code gateway.routes.*}; a resource claimed by two services stops the start.
 */
@Startup
@Singleton
public class Routes {

    private static final Logger LOG = Logger.getLogger(Routes.class);

    /** The gateway's own resource (the built-in issuer); never routed. */
    public static final String AUTH = "auth";

    private final Map<String, Upstream> byResource = new HashMap<>();
    private final Map<String, Upstream> byName = new LinkedHashMap<>();

    @Inject
    public Routes(GatewayConfig config, Vertx vertx, Clock clock) {
        GatewayConfig.Proxy proxy = config.proxy();
        config.routes().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String name = entry.getKey();
            GatewayConfig.Route route = entry.getValue();
            URI uri = Upstream.parse(name, route.url());
            boolean ssl = "https".equals(uri.getScheme());
            int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
            String basePath = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            HttpClientOptions options = new HttpClientOptions()
                    .setDefaultHost(uri.getHost())
                    .setDefaultPort(port)
                    .setSsl(ssl)
                    .setKeepAlive(true)
                    .setTcpNoDelay(true)
                    .setConnectTimeout((int) proxy.connectTimeout().toMillis())
                    // a pooled connection unused for a minute is closed before the downstream closes it under us
                    .setKeepAliveTimeout(60)
                    .setDecompressionSupported(false)
                    .setName("gateway-" + name);
            PoolOptions pool = new PoolOptions().setHttp1MaxSize(proxy.maxConnections()).setMaxWaitQueueSize(10_000);
            ConnectionPools pools = new ConnectionPools(() -> vertx.createHttpClient(options, pool));
            long maxBodySize = route.maxBodySize().orElse(config.limits().maxBodySize()).asLongValue();
            URI healthUrl = route.healthUrl().map(url -> Upstream.parse(name, url))
                    .orElse(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + basePath + "/q/health/ready"));
            Upstream upstream = new Upstream(name, uri.getHost(), port, ssl, basePath, List.copyOf(route.resources()),
                    maxBodySize, healthUrl, pools, Breakers.create(name, proxy.circuitBreaker(), clock));
            byName.put(name, upstream);
            for (String resource : route.resources()) {
                String key = resource.trim();
                if (key.isEmpty() || key.contains("/")) {
                    throw new IllegalStateException("gateway.routes." + name + ".resources: '" + resource + "' is not a path segment");
                }
                if (AUTH.equals(key)) {
                    throw new IllegalStateException("gateway.routes." + name + ".resources: 'auth' belongs to the gateway itself");
                }
                Upstream previous = byResource.put(key, upstream);
                if (previous != null) {
                    throw new IllegalStateException("resource '" + key + "' is routed to both " + previous.name() + " and " + name);
                }
            }
            LOG.infof("route %s -> %s for %s", name, upstream.url(), route.resources());
        });
    }

    /** The resource a gateway path names ({@code /api/v1/<resource>/...}), or null when it names none. */
    public static String resourceOf(String path) {
        if (path == null || !path.startsWith(ProxyHandler.PREFIX) || path.length() <= ProxyHandler.PREFIX.length()) {
            return null;
        }
        int end = path.indexOf('/', ProxyHandler.PREFIX.length());
        return end < 0 ? path.substring(ProxyHandler.PREFIX.length()) : path.substring(ProxyHandler.PREFIX.length(), end);
    }

    /** The owner of a resource, or null. */
    public Upstream forResource(String resource) {
        return byResource.get(resource);
    }

    public Collection<Upstream> all() {
        return byName.values();
    }

    @PreDestroy
    void close() {
        byName.values().forEach(upstream -> upstream.pools().close());
    }
}
