package org.community.gateway.proxy;

import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.community.gateway.GatewayConfig;
import org.community.gateway.auth.AuthFailure;
import org.community.gateway.auth.Caller;
import org.community.gateway.auth.TokenVerifier;
import org.community.gateway.http.RequestIds;
import org.community.gateway.problem.ProblemType;
import org.community.gateway.problem.Problems;
import org.community.gateway.ratelimit.RateLimiter;
import org.jboss.logging.Logger;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The reverse proxy: {@code /api/v1/<resource>/...} goes to the service owning {@code <resource>}.
 * <p>
 * Order of checks: route known (else 404), bearer token valid (else 401), client within its rate (else
 * 429), downstream circuit closed (else 503). Then the request is streamed: the incoming body is piped
 * into the downstream request and the downstream body into the response, both with back-pressure, so
 * neither is ever held whole in memory. Until the downstream request exists the incoming request stays
 * paused, so nothing is lost or buffered while the token is checked.
 */
@ApplicationScoped
public class ProxyHandler {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);
    public static final String PREFIX = "/api/v1/";
    /** After {@link RequestIds}, before REST (which serves /api/v1/auth). */
    public static final int ROUTE_ORDER = 20;

    private final Routes routes;
    private final TokenVerifier verifier;
    private final RateLimiter limiter;
    private final boolean authEnabled;
    private final boolean trustForwardedFor;
    private final long readTimeoutMillis;
    private final long connectTimeoutMillis;
    private final int retries;

    @Inject
    public ProxyHandler(Routes routes, TokenVerifier verifier, RateLimiter limiter, GatewayConfig config) {
        this.routes = routes;
        this.verifier = verifier;
        this.limiter = limiter;
        this.authEnabled = config.auth().enabled();
        this.trustForwardedFor = config.rateLimit().trustForwardedFor();
        this.readTimeoutMillis = config.proxy().readTimeout().toMillis();
        this.connectTimeoutMillis = config.proxy().connectTimeout().toMillis();
        this.retries = Math.max(0, config.proxy().retries());
    }

    void install(@Observes Router router) {
        router.route("/api/v1/*").order(ROUTE_ORDER).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = ctx.normalizedPath();
        if (path.length() <= PREFIX.length()) {
            Problems.send(ctx, ProblemType.NOT_FOUND, "noRoute", path);
            return;
        }
        int end = path.indexOf('/', PREFIX.length());
        String resource = end < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end);
        if (Routes.AUTH.equals(resource)) {
            // the built-in issuer (REST): limited by client address against password guessing
            if (!withinRate(ctx, clientAddress(request))) {
                return;
            }
            ctx.next();
            return;
        }
        Upstream upstream = routes.forResource(resource);
        if (upstream == null) {
            Problems.send(ctx, ProblemType.NOT_FOUND, "noRoute", resource);
            return;
        }
        request.pause();
        if (!authEnabled) {
            admit(ctx, upstream, null);
            return;
        }
        verifier.verify(request.getHeader(HttpHeaders.AUTHORIZATION)).onComplete(result -> {
            if (result.succeeded()) {
                admit(ctx, upstream, result.result());
            } else if (withinRate(ctx, clientAddress(request))) {
                String key = result.cause() instanceof AuthFailure failure ? failure.detailKey : "tokenInvalid";
                Problems.send(ctx, ProblemType.UNAUTHORIZED, new String[] { "WWW-Authenticate",
                        "tokenMissing".equals(key) ? "Bearer" : "Bearer error=\"invalid_token\"" }, key);
            }
        });
    }

    private void admit(RoutingContext ctx, Upstream upstream, Caller caller) {
        if (!withinRate(ctx, caller == null ? clientAddress(ctx.request()) : "sub:" + caller.subject())) {
            return;
        }
        if (!upstream.breaker().allow()) {
            Problems.send(ctx, ProblemType.UNAVAILABLE,
                    new String[] { "Retry-After", Long.toString(upstream.breaker().retryAfterSeconds()) },
                    "circuitOpen", upstream.name());
            return;
        }
        forward(ctx, upstream, 0);
    }

    private boolean withinRate(RoutingContext ctx, String key) {
        long wait = limiter.acquire(key);
        if (wait == 0) {
            return true;
        }
        Problems.send(ctx, ProblemType.TOO_MANY_REQUESTS, new String[] { "Retry-After", Long.toString(wait) }, "rateLimited",
                wait);
        return false;
    }

    private void forward(RoutingContext ctx, Upstream upstream, int attempt) {
        HttpServerRequest request = ctx.request();
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.target(query == null ? ctx.normalizedPath() : ctx.normalizedPath() + '?' + query))
                .setConnectTimeout(connectTimeoutMillis);
        upstream.client().request(options).onComplete(connected -> {
            if (connected.failed()) {
                // nothing was sent: safe to try again for idempotent methods
                upstream.breaker().onFailure();
                if (attempt < retries && idempotent(request.method()) && !ctx.response().closed()) {
                    forward(ctx, upstream, attempt + 1);
                    return;
                }
                LOG.debugf("%s unreachable: %s", upstream.name(), connected.cause());
                Problems.send(ctx, ProblemType.UNAVAILABLE, new String[] { "Retry-After", "1" }, "downstreamUnreachable",
                        upstream.name());
                return;
            }
            send(ctx, upstream, connected.result(), attempt);
        });
    }

    private void send(RoutingContext ctx, Upstream upstream, HttpClientRequest outgoing, int attempt) {
        HttpServerRequest request = ctx.request();
        MultiMap headers = outgoing.headers();
        Headers.copy(request.headers(), headers);
        forwardedHeaders(request, headers);
        boolean hasBody = hasBody(request);
        outgoing.response().onComplete(answered -> {
            if (answered.succeeded()) {
                relay(ctx, upstream, outgoing, answered.result());
                return;
            }
            Throwable failure = answered.cause();
            upstream.breaker().onFailure();
            if (failure instanceof TimeoutException) {
                Problems.send(ctx, ProblemType.GATEWAY_TIMEOUT, "downstreamTimeout", upstream.name(), readTimeoutMillis);
            } else if (!hasBody && attempt < retries && idempotent(request.method()) && !ctx.response().closed()) {
                // e.g. a pooled connection the downstream had just closed: no body byte was sent
                forward(ctx, upstream, attempt + 1);
            } else {
                LOG.debugf("%s failed: %s", upstream.name(), failure);
                Problems.send(ctx, ProblemType.BAD_GATEWAY, "downstreamFailed", upstream.name());
            }
        });
        // the client went away: stop the downstream exchange too
        ctx.response().closeHandler(v -> {
            if (!ctx.response().ended()) {
                outgoing.reset();
            }
        });
        if (!hasBody) {
            outgoing.idleTimeout(readTimeoutMillis);
            outgoing.end();
            return;
        }
        if (request.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            outgoing.setChunked(true);
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        // the read timeout starts once the whole body is upstream: an upload is as slow as its client
        request.pipeTo(outgoing).onComplete(piped -> {
            if (piped.succeeded()) {
                outgoing.idleTimeout(readTimeoutMillis);
            } else {
                outgoing.reset();
            }
        });
    }

    private void relay(RoutingContext ctx, Upstream upstream, HttpClientRequest outgoing, HttpClientResponse incoming) {
        upstream.breaker().onSuccess();
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended() || response.headWritten()) {
            outgoing.reset();
            return;
        }
        response.setStatusCode(incoming.statusCode());
        String message = incoming.statusMessage();
        if (message != null) {
            response.setStatusMessage(message);
        }
        Headers.copy(incoming.headers(), response.headers());
        int status = incoming.statusCode();
        boolean bodyless = status == 204 || status == 304 || status < 200 || ctx.request().method() == HttpMethod.HEAD;
        if (!bodyless && !incoming.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        incoming.pipeTo(response).onFailure(e -> {
            // the downstream broke off mid-body (or the client left): the status is out, so cut the connection
            LOG.debugf("%s response aborted: %s", upstream.name(), e);
            outgoing.reset();
            response.reset();
        });
    }

    private static void forwardedHeaders(HttpServerRequest request, MultiMap headers) {
        SocketAddress remote = request.remoteAddress();
        String client = remote == null ? null : remote.hostAddress();
        String prior = request.getHeader("X-Forwarded-For");
        if (client != null) {
            headers.set("X-Forwarded-For", prior == null ? client : prior + ", " + client);
        }
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        String host = request.getHeader(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
    }

    private String clientAddress(HttpServerRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                int comma = forwarded.indexOf(',');
                return "ip:" + (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
            }
        }
        SocketAddress remote = request.remoteAddress();
        return "ip:" + (remote == null ? "unknown" : remote.hostAddress());
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !"0".equals(length.trim());
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean idempotent(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.PUT || method == HttpMethod.DELETE;
    }
}
