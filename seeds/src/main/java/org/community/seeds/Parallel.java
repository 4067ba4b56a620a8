package org.community.seeds;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Runs one action per item with a fixed number of requests in flight; the first failure stops the rest and is rethrown. */
final class Parallel {

    private Parallel() {
    }

    static <T> void each(List<T> items, int inFlight, Consumer<T> action, Progress.Step step) {
        if (items.isEmpty()) {
            return;
        }
        int threads = Math.min(inFlight, items.size());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "seed-loader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < items.size() && failure.get() == null; i = next.getAndIncrement()) {
                        try {
                            action.accept(items.get(i));
                        } catch (RuntimeException e) {
                            failure.compareAndSet(null, e);
                            return;
                        }
                        if (step != null) {
                            step.add(1);
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    failure.compareAndSet(null, new IllegalStateException(e.getCause()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
