package org.community.org.changes;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;

import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reads the feed, holding a long-polling request until a change commits or its wait ends. While it waits the request
 * holds a future on {@link ChangeSignal}: no worker thread and no database connection. Each read runs on a worker
 * thread and returns its connection at once.
 */
@ApplicationScoped
public class ChangeFeed {

    @Inject
    ChangeRepository changes;

    @Inject
    ChangeSignal signal;

    /** The page after {@code after}; when it is empty, waits up to {@code waitMillis} for one that is not. */
    public CompletionStage<ChangePage> read(long after, int limit, long waitMillis) {
        return readUntil(after, limit, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis));
    }

    private CompletionStage<ChangePage> readUntil(long after, int limit, long deadline) {
        // take the future before reading: a change that commits after the read completes it
        CompletableFuture<Void> nextChange = signal.nextChange();
        ChangePage page = page(after, limit);
        long remaining = deadline - System.nanoTime();
        if (!page.items().isEmpty() || remaining <= 0) {
            return CompletableFuture.completedFuture(page);
        }
        ChangeSignal.Waiter waiter = signal.startWaiting(after);
        return nextChange.copy()
                .completeOnTimeout(null, remaining, TimeUnit.NANOSECONDS)
                .whenComplete((ignored, error) -> signal.stopWaiting(waiter))
                .thenComposeAsync(ignored -> readUntil(after, limit, deadline), Infrastructure.getDefaultWorkerPool());
    }

    private ChangePage page(long after, int limit) {
        List<ChangeEvent> items = changes.after(after, limit);
        // the bounds after the items: a purge between the two shows here, and the page is then refused as incomplete
        ChangeRepository.Bounds bounds = changes.bounds();
        if (after < bounds.purgedThrough()) {
            throw new ProblemException(ProblemType.CHANGES_EXPIRED, "changesExpired", after, bounds.oldest());
        }
        long next = items.isEmpty() ? after : items.get(items.size() - 1).seq();
        return new ChangePage(items, next, bounds.latest(), bounds.oldest());
    }
}
