package org.community.gateway.ratelimit;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.community.gateway.GatewayConfig;

import io.vertx.core.Vertx;

/**
 * Per-client token buckets: {@code requests-per-second} sustained, {@code burst} at once. The key is the
 * token subject, or the client IP for calls without a token (login, failed authentication).
 * <p>
 * The buckets live in this JVM: with N gateway replicas a client gets up to N times the rate. That is
 * the intended trade-off (no shared store on the hot path); put a limit at the load balancer when a
 * global one is needed.
 */
@Singleton
public class RateLimiter {

    private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;
    private static final int MAX_KEYS = 200_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final boolean enabled;
    private final double perNano;
    private final double burst;
    private final Vertx vertx;
    private final Clock clock;
    private long sweeper = -1;

    @Inject
    public RateLimiter(GatewayConfig config, Vertx vertx, Clock clock) {
        this.clock = clock;
        this.enabled = config.rateLimit().enabled();
        this.perNano = config.rateLimit().requestsPerSecond() / 1e9;
        this.burst = Math.max(1, config.rateLimit().burst());
        this.vertx = vertx;
    }

    @PostConstruct
    void startSweeper() {
        if (enabled) {
            sweeper = vertx.setPeriodic(60_000, id -> sweep(now()));
        }
    }

    @PreDestroy
    void stopSweeper() {
        if (sweeper >= 0) {
            vertx.cancelTimer(sweeper);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Takes one request from the client's bucket: 0 when allowed, else the seconds to wait (Retry-After). */
    public long acquire(String key) {
        if (!enabled) {
            return 0;
        }
        long now = now();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= MAX_KEYS) {
                sweep(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        }
        return bucket.take(now, perNano, burst);
    }

    /** The injected clock (tests move it instead of waiting), in nanoseconds. */
    private long now() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }

    private void sweep(long now) {
        buckets.values().removeIf(bucket -> bucket.idleSince(now) > IDLE_NANOS);
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(long now, double perNano, double burst) {
            tokens = Math.min(burst, tokens + Math.max(0, now - last) * perNano); // a wall clock may step back
            last = Math.max(last, now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double waitNanos = (1 - tokens) / perNano;
            return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
