package org.community.org.changes;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;

import io.quarkus.scheduler.Scheduled;

/**
 * Wakes the waiting readers of the feed when a change commits. A commit in this process fires it at once (the
 * outbox's afterCompletion); a commit elsewhere (another replica, a bulk import on its own connection) is seen by a
 * short poll of the highest seq, which runs only while someone waits. Waiting readers hold a future, not a thread
 * or a connection.
 */
@ApplicationScoped
public class ChangeSignal {

    private final AtomicReference<CompletableFuture<Void>> next = new AtomicReference<>(new CompletableFuture<>());
    /** The cursors of the readers waiting now (one entry per waiting request). */
    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();

    static final class Waiter {
        final long after;

        Waiter(long after) {
            this.after = after;
        }
    }

    @Inject
    Db db;

    /** Completes at the next change (the caller adds its own timeout). */
    CompletableFuture<Void> nextChange() {
        return next.get();
    }

    Waiter startWaiting(long after) {
        Waiter waiter = new Waiter(after);
        waiting.add(waiter);
        return waiter;
    }

    void stopWaiting(Waiter waiter) {
        waiting.remove(waiter);
    }

    /** How many requests wait now (for tests and a gauge). */
    int waitingCount() {
        return waiting.size();
    }

    /** Wakes everyone waiting now. */
    void fire() {
        next.getAndSet(new CompletableFuture<>()).complete(null);
    }

    @Scheduled(every = "${org.changes.poll-interval:0.25s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "org-changes-poll")
    void poll() {
        long lowest = waiting.stream().mapToLong(waiter -> waiter.after).min().orElse(Long.MAX_VALUE);
        if (lowest == Long.MAX_VALUE) {
            return;
        }
        if (db.count("select coalesce(max(seq), 0) from org_change") > lowest) {
            fire();
        }
    }
}
