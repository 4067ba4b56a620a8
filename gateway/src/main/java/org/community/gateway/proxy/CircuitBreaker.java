package org.community.gateway.proxy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One per downstream. Closed: everything passes and consecutive failures are counted. Open (after
 * {@code threshold} failures in a row): every request is refused at once until {@code openMillis} have
 * passed. Half-open: one trial request goes through; its success closes the circuit, its failure opens it again.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final boolean enabled;
    private final int threshold;
    private final long openMillis;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicBoolean trialRunning = new AtomicBoolean();
    private volatile long openUntil;
    private volatile boolean open;

    public CircuitBreaker(boolean enabled, int threshold, long openMillis) {
        this.enabled = enabled;
        this.threshold = Math.max(1, threshold);
        this.openMillis = openMillis;
    }

    /** May a request be sent now? In the half-open state only the first caller gets true. */
    public boolean allow() {
        if (!enabled || !open) {
            return true;
        }
        if (System.currentTimeMillis() < openUntil) {
            return false;
        }
        return trialRunning.compareAndSet(false, true);
    }

    public void onSuccess() {
        if (open || failures.get() != 0) {
            failures.set(0);
            open = false;
            trialRunning.set(false);
        }
    }

    public void onFailure() {
        if (!enabled) {
            return;
        }
        if (open) {
            // the half-open trial failed
            openUntil = System.currentTimeMillis() + openMillis;
            trialRunning.set(false);
            return;
        }
        if (failures.incrementAndGet() >= threshold) {
            openUntil = System.currentTimeMillis() + openMillis;
            open = true;
            trialRunning.set(false);
        }
    }

    public State state() {
        if (!open) {
            return State.CLOSED;
        }
        return System.currentTimeMillis() < openUntil ? State.OPEN : State.HALF_OPEN;
    }

    /** Whole seconds until a trial request will be let through (at least 1). */
    public long retryAfterSeconds() {
        long millis = openUntil - System.currentTimeMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
