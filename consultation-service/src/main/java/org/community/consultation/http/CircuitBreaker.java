package org.community.consultation.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A small circuit breaker for calls to another service: after {@code threshold} consecutive failures the
 * circuit opens and calls fail at once for {@code openFor}; then one call is let through to probe.
 * (quarkus-smallrye-fault-tolerance does not resolve from the registry this suite builds against, so the
 * clients use this and the REST client's own connect/read timeouts.)
 */
public final class CircuitBreaker {

    /** Thrown instead of calling while the circuit is open. */
    public static final class OpenException extends RuntimeException {
        public OpenException(String name) {
            super("circuit " + name + " is open");
        }
    }

    private final String name;
    private final int threshold;
    private final long openForNanos;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openedAt = new AtomicLong(Long.MIN_VALUE);

    public CircuitBreaker(String name, int threshold, Duration openFor) {
        this.name = name;
        this.threshold = threshold;
        this.openForNanos = openFor.toNanos();
    }

    /**
     * Runs the call through the breaker. Exceptions for which {@code isFailure} is false (e.g. a 404 or a
     * refusal by the other side) pass through without counting.
     */
    public <T> T call(Supplier<T> call, java.util.function.Predicate<RuntimeException> isFailure) {
        long opened = openedAt.get();
        if (opened != Long.MIN_VALUE && System.nanoTime() - opened < openForNanos) {
            throw new OpenException(name);
        }
        try {
            T result = call.get();
            failures.set(0);
            openedAt.set(Long.MIN_VALUE);
            return result;
        } catch (RuntimeException e) {
            if (isFailure.test(e) && failures.incrementAndGet() >= threshold) {
                openedAt.set(System.nanoTime());
            }
            throw e;
        }
    }

    /** Calls with up to {@code retries} further attempts on failure; only for idempotent calls. */
    public <T> T callWithRetry(Supplier<T> call, java.util.function.Predicate<RuntimeException> isFailure, int retries) {
        RuntimeException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            try {
                return call(call, isFailure);
            } catch (OpenException e) {
                throw e;
            } catch (RuntimeException e) {
                if (!isFailure.test(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }
}
