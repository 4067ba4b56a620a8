package org.community.gateway.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.community.gateway.GatewayConfig;
import org.community.gateway.problem.ProblemType;
import org.community.gateway.problem.Problems;
import org.community.gateway.proxy.Routes;
import org.community.gateway.proxy.Upstream;

import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Sizes the gateway accepts ({@code gateway.limits.*}, and a route's own body limit), answered with
 * problem+json: 414 for a long request target, 431 for large headers, 413 for a body over the limit of the
 * service it goes to. The HTTP server's own hard limits ({@code quarkus.http.limits.*}) are set well above
 * these, so only grossly oversized requests are refused before this check, with an empty answer.
 * <p>
 * A body announced too large is read and dropped (up to {@link #DRAIN_LIMIT}) before the answer, so the
 * client, which sends the whole body before it reads, gets the 413 instead of a reset connection.
 */
@ApplicationScoped
public class RequestLimits {

    /** After {@link RequestIds}, so problems quote the request id. */
    public static final int ROUTE_ORDER = 15;
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private final Routes routes;
    private final long defaultBodyLimit;
    private final int maxUriLength;
    private final long maxHeaderSize;

    @Inject
    public RequestLimits(Routes routes, GatewayConfig config) {
        this.routes = routes;
        this.defaultBodyLimit = config.limits().maxBodySize().asLongValue();
        this.maxUriLength = config.limits().maxUriLength();
        this.maxHeaderSize = config.limits().maxHeaderSize().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::check);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > maxUriLength) {
            Problems.send(ctx, ProblemType.URI_TOO_LONG, "uriTooLong", maxUriLength);
            return;
        }
        if (headerSize(request) > maxHeaderSize) {
            Problems.send(ctx, ProblemType.HEADERS_TOO_LARGE, "headersTooLarge", maxHeaderSize / 1024);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long limit = bodyLimit(ctx.normalizedPath());
            long announced = parse(length);
            if (announced > limit) {
                refuseAfterDraining(ctx, announced <= DRAIN_LIMIT, limit);
                return;
            }
        }
        ctx.next();
    }

    private long bodyLimit(String path) {
        String resource = Routes.resourceOf(path);
        Upstream upstream = resource == null ? null : routes.forResource(resource);
        return upstream == null ? defaultBodyLimit : upstream.maxBodySize();
    }

    /**
     * Pipes a body of unannounced length (chunked) into {@code outgoing}, counting: past {@code limit} the
     * downstream request is abandoned ({@code onTooLarge}) and the caller gets 413 once its body has been read.
     */
    public static void pipeAtMost(RoutingContext ctx, HttpClientRequest outgoing, long limit, Runnable onSent,
            Runnable onTooLarge) {
        HttpServerRequest request = ctx.request();
        long[] seen = { 0 };
        boolean[] downstreamGone = { false };
        outgoing.exceptionHandler(e -> downstreamGone[0] = true);
        request.handler(chunk -> {
            seen[0] += chunk.length();
            if (seen[0] > limit) {
                if (seen[0] - chunk.length() <= limit) {
                    downstreamGone[0] = true;
                    onTooLarge.run();
                }
                if (seen[0] > limit + DRAIN_LIMIT) {
                    request.handler(null);
                    tooLarge(ctx, limit);
                }
                return;
            }
            if (downstreamGone[0]) {
                return;
            }
            outgoing.write(chunk);
            if (outgoing.writeQueueFull()) {
                request.pause();
                outgoing.drainHandler(v -> request.resume());
            }
        });
        request.endHandler(v -> {
            if (seen[0] > limit) {
                tooLarge(ctx, limit);
            } else if (!downstreamGone[0]) {
                outgoing.end();
                onSent.run();
            }
        });
        request.resume();
    }

    private static void refuseAfterDraining(RoutingContext ctx, boolean drain, long limit) {
        HttpServerRequest request = ctx.request();
        if (!drain) {
            tooLarge(ctx, limit);
            return;
        }
        request.handler(chunk -> {
        });
        request.endHandler(v -> tooLarge(ctx, limit));
        request.resume();
    }

    private static void tooLarge(RoutingContext ctx, long limit) {
        Problems.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "bodyTooLarge", readable(limit));
    }

    static String readable(long bytes) {
        long mb = 1024L * 1024;
        if (bytes >= 1024 * mb && bytes % (1024 * mb) == 0) {
            return bytes / (1024 * mb) + " GB";
        }
        if (bytes >= mb && bytes % mb == 0) {
            return bytes / mb + " MB";
        }
        return bytes + " bytes";
    }

    private static long headerSize(HttpServerRequest request) {
        long size = 0;
        for (var header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
