package org.community.gateway.proxy;

import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.vertx.core.http.HttpClientRequest;

/**
 * One proxied request as its downstream's circuit breaker sees it: the permission taken before it was sent
 * is settled exactly once, as a success, as a failure of the downstream, or given back unjudged when the
 * caller hung up or the request was refused by the gateway itself. Every callback of one exchange runs on
 * the event loop of its incoming connection, so plain fields suffice.
 */
final class Exchange {

    private final CircuitBreaker breaker;
    private final long startNanos = System.nanoTime();
    private boolean settled;
    private boolean callerGone;
    private HttpClientRequest outgoing;

    Exchange(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    void sending(HttpClientRequest request) {
        this.outgoing = request;
    }

    void succeeded() {
        if (!settled) {
            settled = true;
            breaker.onSuccess(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
        }
    }

    void failed(Throwable cause) {
        if (!settled) {
            settled = true;
            breaker.onError(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS, cause);
        }
    }

    /** Not the downstream's doing: the permission goes back without an outcome. */
    void abandoned() {
        if (!settled) {
            settled = true;
            breaker.releasePermission();
        }
    }

    /** The caller closed the connection before the answer was complete: stop the downstream exchange too. */
    void callerHungUp() {
        callerGone = true;
        abandoned();
        if (outgoing != null) {
            outgoing.reset();
        }
    }

    boolean callerGone() {
        return callerGone;
    }
}
