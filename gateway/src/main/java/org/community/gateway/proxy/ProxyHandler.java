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
import org.community.gateway.http.RequestLimits;
import org.community.gateway.problem.ProblemType;
import org.community.gateway.problem.Problems;
import org.community.gateway.ratelimit.RateLimiter;
import org.jboss.logging.Logger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
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
 * Order of checks: sizes within {@link RequestLimits} (else 413/414/431), route known (else 404), bearer
 * token valid (else 401), client within its rate (else 429), downstream circuit closed (else 503). Then the
 * request is streamed: the incoming body is piped into the downstream request and the downstream body into
 * the response, both with back-pressure, so neither is ever held whole in memory. Until the downstream
 * request exists the incoming request stays paused, so nothing is lost or buffered while the token is checked.
 * <p>
 * Only faults of the downstream count against its circuit breaker (see {@link Exchange}); a caller who
 * hangs up is normal on mobile networks and ends the downstream exchange quietly.
 */
@ApplicationScoped
public class ProxyHandler {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);
    public static final String PREFIX = "/api/v1/";
    /** After {@link RequestIds} and {@link RequestLimits}, before REST (which serves /api/v1/auth). */
    public static final int ROUTE_ORDER = 20;
    // header names with their hash computed once: the proxy sets them on every request
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence X_FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");

    private final Routes routes;
    private final TokenVerifier verifier;
    private final RateLimiter limiter;
    private final PublicLocation publicLocation;
    private final boolean authEnabled;
    private final boolean trustForwardedFor;
    private final boolean countServerErrors;
    private final long readTimeoutMillis;
    private final long connectTimeoutMillis;
    private final long openSeconds;
    private final int retries;

    /** Its collaborators are {@code @Singleton}: injected as themselves, without a client proxy in front of every call. */
    @Inject
    public ProxyHandler(Routes routes, TokenVerifier verifier, RateLimiter limiter, PublicLocation publicLocation,
            GatewayConfig config) {
        this.routes = routes;
        this.verifier = verifier;
        this.limiter = limiter;
        this.publicLocation = publicLocation;
        this.authEnabled = config.auth().enabled();
        this.trustForwardedFor = config.rateLimit().trustForwardedFor();
        this.countServerErrors = config.proxy().circuitBreaker().countServerErrors();
        this.readTimeoutMillis = config.proxy().readTimeout().toMillis();
        this.connectTimeoutMillis = config.proxy().connectTimeout().toMillis();
        this.openSeconds = Math.max(1, (config.proxy().circuitBreaker().openDuration().toMillis() + 999) / 1000);
        this.retries = Math.max(0, config.proxy().retries());
    }

    void install(@Observes Router router) {
        router.route("/api/v1/*").order(ROUTE_ORDER).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String resource = Routes.resourceOf(ctx.normalizedPath());
        if (resource == null) {
            MetricsUri.unknown(ctx);
            Problems.send(ctx, ProblemType.NOT_FOUND, "noRoute", ctx.normalizedPath());
            return;
        }
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
            MetricsUri.unknown(ctx);
            Problems.send(ctx, ProblemType.NOT_FOUND, "noRoute", resource);
            return;
        }
        MetricsUri.routed(ctx, resource);
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
        CircuitBreaker breaker = upstream.breaker();
        if (!breaker.tryAcquirePermission()) {
            Problems.send(ctx, ProblemType.UNAVAILABLE, new String[] { "Retry-After", Long.toString(openSeconds) },
                    "circuitOpen", upstream.name());
            return;
        }
        Exchange exchange = new Exchange(breaker);
        HttpServerResponse response = ctx.response();
        response.closeHandler(v -> {
            if (!response.ended()) {
                exchange.callerHungUp();
            }
        });
        // after a hang-up the connection's streams report it once more; that is no error of ours
        response.exceptionHandler(e -> LOG.tracef("caller connection: %s", e));
        ctx.request().exceptionHandler(e -> LOG.tracef("caller connection: %s", e));
        forward(ctx, upstream, exchange, 0);
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

    private void forward(RoutingContext ctx, Upstream upstream, Exchange exchange, int attempt) {
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
            if (connected.succeeded()) {
                // a reset of ours (the caller hung up) is reported here; it is no error
                connected.result().exceptionHandler(e -> LOG.tracef("%s request: %s", upstream.name(), e));
            }
            if (exchange.callerGone()) {
                if (connected.succeeded()) {
                    connected.result().reset();
                }
                return;
            }
            if (connected.failed()) {
                // nothing was sent: safe to try again for idempotent methods
                if (attempt < retries && idempotent(request.method())) {
                    forward(ctx, upstream, exchange, attempt + 1);
                    return;
                }
                exchange.failed(connected.cause());
                LOG.debugf("%s unreachable: %s", upstream.name(), connected.cause());
                Problems.send(ctx, ProblemType.UNAVAILABLE, new String[] { "Retry-After", "1" }, "downstreamUnreachable",
                        upstream.name());
                return;
            }
            send(ctx, upstream, exchange, connected.result(), attempt);
        });
    }

    private void send(RoutingContext ctx, Upstream upstream, Exchange exchange, HttpClientRequest outgoing, int attempt) {
        HttpServerRequest request = ctx.request();
        exchange.sending(outgoing);
        MultiMap headers = outgoing.headers();
        Headers.copy(request.headers(), headers);
        forwardedHeaders(request, headers);
        boolean hasBody = hasBody(request);
        outgoing.response().onComplete(answered -> {
            if (exchange.callerGone()) {
                return;
            }
            if (answered.succeeded()) {
                relay(ctx, upstream, exchange, outgoing, answered.result());
                return;
            }
            Throwable failure = answered.cause();
            if (failure instanceof TimeoutException) {
                exchange.failed(failure);
                Problems.send(ctx, ProblemType.GATEWAY_TIMEOUT, "downstreamTimeout", upstream.name(), readTimeoutMillis);
            } else if (!hasBody && attempt < retries && idempotent(request.method())) {
                // e.g. a pooled connection the downstream had just closed: no body byte was sent
                forward(ctx, upstream, exchange, attempt + 1);
            } else {
                exchange.failed(failure);
                LOG.debugf("%s failed: %s", upstream.name(), failure);
                Problems.send(ctx, ProblemType.BAD_GATEWAY, "downstreamFailed", upstream.name());
            }
        });
        if (!hasBody) {
            outgoing.idleTimeout(readTimeoutMillis);
            outgoing.end();
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            ctx.response().writeContinue();
        }
        if (request.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            outgoing.setChunked(true);
            RequestLimits.pipeAtMost(ctx, outgoing, upstream.maxBodySize(), () -> outgoing.idleTimeout(readTimeoutMillis),
                    () -> {
                        exchange.abandoned();
                        outgoing.reset();
                    });
            return;
        }
        // the read timeout starts once the whole body is upstream: an upload is as slow as its client. The pipe keeps
        // its own exception handler on the ended request, which swallows a later reset (setting one now would throw)
        request.pipeTo(outgoing).onComplete(piped -> {
            if (piped.succeeded()) {
                outgoing.idleTimeout(readTimeoutMillis);
            } else {
                outgoing.reset();
            }
        });
    }

    private void relay(RoutingContext ctx, Upstream upstream, Exchange exchange, HttpClientRequest outgoing,
            HttpClientResponse incoming) {
        int status = incoming.statusCode();
        if (countServerErrors && status >= 500) {
            exchange.failed(new DownstreamServerError(upstream.name(), status));
        } else {
            exchange.succeeded();
        }
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended() || response.headWritten()) {
            outgoing.reset();
            return;
        }
        response.setStatusCode(status);
        String message = incoming.statusMessage();
        if (message != null) {
            response.setStatusMessage(message);
        }
        Headers.copy(incoming.headers(), response.headers());
        publicLocation.rewrite(response.headers(), upstream, ctx.request());
        boolean bodyless = status == 204 || status == 304 || status < 200 || ctx.request().method() == HttpMethod.HEAD;
        if (!bodyless && !incoming.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        relayBody(upstream, outgoing, incoming, response);
    }

    /**
     * Streams the downstream body to the caller with back-pressure. Unlike {@code pipeTo}, it stops writing the
     * moment the caller's connection is gone (chunks already under way are dropped), so a hang-up mid-body never
     * writes into a closed response.
     */
    private static void relayBody(Upstream upstream, HttpClientRequest outgoing, HttpClientResponse incoming,
            HttpServerResponse response) {
        incoming.handler(chunk -> {
            if (response.closed() || response.ended()) {
                return;
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                incoming.pause();
                response.drainHandler(v -> incoming.resume());
            }
        });
        incoming.exceptionHandler(e -> {
            // the downstream broke off mid-body (or we reset it because the caller left): the status is out,
            // so the caller's connection is cut too
            LOG.debugf("%s response aborted: %s", upstream.name(), e);
            if (!response.closed() && !response.ended()) {
                response.reset();
            }
        });
        incoming.endHandler(v -> {
            if (!response.closed() && !response.ended()) {
                response.end();
            }
        });
    }

    private void forwardedHeaders(HttpServerRequest request, MultiMap headers) {
        SocketAddress remote = request.remoteAddress();
        String client = remote == null ? null : remote.hostAddress();
        String prior = request.getHeader(X_FORWARDED_FOR);
        if (client != null) {
            headers.set(X_FORWARDED_FOR, prior == null ? client : prior + ", " + client);
        }
        headers.set(X_FORWARDED_PROTO, publicLocation.scheme(request));
        String host = publicLocation.host(request);
        if (host != null) {
            headers.set(X_FORWARDED_HOST, host);
        }
    }

    private String clientAddress(HttpServerRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader(X_FORWARDED_FOR);
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

    /** A 5xx answer, counted as a failure only with {@code count-server-errors}. */
    static final class DownstreamServerError extends RuntimeException {
        DownstreamServerError(String service, int status) {
            super(service + " answered " + status, null, false, false);
        }
    }
}
