package org.community.conventions.testing.orgfeed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntToLongFunction;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The measuring part of a consumer's feed benchmark (issue 15): moves through {@link FakeOrgFeed} timed until the consumer
 * committed them and until the service's API answers with the new paths, a reader timing its reads meanwhile, and the
 * catch-up on a backlog of events. The service's benchmark seeds its own rows and says what to read.
 */
public final class FeedBenchmark {

    private FeedBenchmark() {
    }

    /** The benchmarks' profile: the consumer on, batches of 1,000, the contract's long-poll. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("org-feed.enabled", "true", "org-feed.client-secret", FakeOrgFeed.SECRET, "org-feed.batch-size", "1000",
                    "org-feed.wait", "20s");
        }
    }

    /** One read of the service's API, the {@code i}-th: its HTTP status. */
    @FunctionalInterface
    public interface Read {
        int status(int i) throws Exception;
    }

    /** Whether the service's API answers with the new paths after move {@code m}. */
    @FunctionalInterface
    public interface Answered {
        boolean check(int m) throws Exception;
    }

    /**
     * Waits until {@code cursor} reaches {@code seq}, looking every 0.1 ms (so the timing is not a sleep's); 10 minutes at the
     * most. Not a busy spin: on a 2-core machine a spinning waiter takes a whole core from the consumer and PostgreSQL it is
     * timing.
     */
    public static void awaitApplied(LongSupplier cursor, Supplier<String> lastError, long seq) {
        long deadline = System.currentTimeMillis() + 600_000;
        while (cursor.getAsLong() < seq) {
            if (System.currentTimeMillis() >= deadline) {
                throw new AssertionError("stuck at " + cursor.getAsLong() + ": " + lastError.get());
            }
            LockSupport.parkNanos(100_000);
        }
    }

    /** Reads all along on a thread of its own, each read timed, each failure (not 200, or no answer) counted. */
    public static final class Reader {

        static final int WARM_UP_READS = 10;

        private final List<long[]> reads = new CopyOnWriteArrayList<>();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicBoolean reading = new AtomicBoolean(true);
        private final Thread thread;
        /** Times (nanoTime from, to) this JVM did not run for 50 ms or more: a pause of the whole process, not a slow read. */
        private final List<long[]> stalls = new CopyOnWriteArrayList<>();
        private final Thread watchdog;
        private long started;

        private Reader(Read read) {
            thread = new Thread(() -> {
                int i = 0;
                while (reading.get()) {
                    long start = System.nanoTime();
                    try {
                        if (read.status(i++) != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    reads.add(new long[] { start, System.nanoTime(), i - 1 });
                }
            });
            // a thread that wakes every 5 ms: a gap of 50 ms or more means nothing in this JVM ran (the machine's scheduler
            // stopped the process, or a garbage collection did), which a read overlapping it cannot be blamed for
            watchdog = new Thread(() -> {
                long last = System.nanoTime();
                while (reading.get()) {
                    LockSupport.parkNanos(5_000_000);
                    long now = System.nanoTime();
                    if (now - last >= 50_000_000) {
                        stalls.add(new long[] { last, now });
                    }
                    last = now;
                }
            });
            watchdog.setDaemon(true);
        }

        /**
         * Starts reading, and lets it warm up before anything is measured: half a second and its first {@value #WARM_UP_READS}
         * reads. The first requests a service serves load classes and prepare queries (consultation-service's first topic
         * read took 0.7 s), and with half a second alone that first read ran on into the first move.
         */
        public static Reader start(Read read) throws InterruptedException {
            Reader reader = new Reader(read);
            reader.started = System.nanoTime();
            reader.watchdog.start();
            reader.thread.start();
            Thread.sleep(500);
            long deadline = System.currentTimeMillis() + 60_000;
            while (reader.reads.size() < WARM_UP_READS && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            return reader;
        }

        public void stop() throws InterruptedException {
            reading.set(false);
            thread.join();
        }

        /** The durations (µs, sorted) of the reads that overlapped one of the {@code windows} (nanoTime from, to). */
        List<Long> during(List<long[]> windows) {
            return during(windows, false);
        }

        /** {@link #during(List)}, leaving out ({@code exceptStalled}) the reads that overlapped a stall of this JVM. */
        List<Long> during(List<long[]> windows, boolean exceptStalled) {
            List<Long> during = new ArrayList<>();
            for (long[] read : reads) {
                if (overlaps(read, windows) && !(exceptStalled && overlaps(read, stalls))) {
                    during.add((read[1] - read[0]) / 1_000);
                }
            }
            Collections.sort(during);
            return during;
        }

        /** The slowest read that overlapped one of the {@code windows}: (nanoTime from, to, its number), or null. */
        long[] slowestDuring(List<long[]> windows) {
            long[] slowest = null;
            for (long[] read : reads) {
                if (overlaps(read, windows) && (slowest == null || read[1] - read[0] > slowest[1] - slowest[0])) {
                    slowest = read;
                }
            }
            return slowest;
        }

        /** The stalls of this JVM that overlapped one of the {@code windows}: how many, and their longest (ms). */
        long[] stallsDuring(List<long[]> windows) {
            long count = 0;
            long longest = 0;
            for (long[] stall : stalls) {
                if (overlaps(stall, windows)) {
                    count++;
                    longest = Math.max(longest, (stall[1] - stall[0]) / 1_000_000);
                }
            }
            return new long[] { count, longest };
        }

        private static boolean overlaps(long[] span, List<long[]> windows) {
            for (long[] window : windows) {
                if (span[1] >= window[0] && span[0] <= window[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Per move, ms from the move's 200 until the consumer committed it ({@code applied}) and until the API answered. */
    public record Moves(List<Long> applied, List<Long> answered, List<long[]> windows) {
    }

    /**
     * {@code times} moves: {@code move} makes move {@code m} and answers its event's seq; the consumer has applied it when
     * {@code awaitApplied} returns; then {@code answered} is asked until it says yes. 300 ms between moves.
     */
    public static Moves moves(int times, IntToLongFunction move, LongConsumer awaitApplied, Answered answered)
            throws Exception {
        List<Long> applied = new ArrayList<>();
        List<Long> listed = new ArrayList<>();
        List<long[]> windows = new ArrayList<>();
        for (int m = 0; m < times; m++) {
            long start = System.nanoTime();
            awaitApplied.accept(move.applyAsLong(m));
            long done = System.nanoTime();
            while (!answered.check(m)) {
                Thread.onSpinWait();
            }
            long answeredAt = System.nanoTime();
            applied.add((done - start) / 1_000_000);
            listed.add((answeredAt - start) / 1_000_000);
            windows.add(new long[] { start, done });
            Thread.sleep(300);
        }
        Collections.sort(applied);
        Collections.sort(listed);
        return new Moves(applied, listed, windows);
    }

    /** Prints the moves' figures and the reads during them: {@code what} moved, and what {@code answered} means. */
    public static void report(String what, String answeredMeans, Moves moves, Reader reader) {
        List<Long> during = reader.during(moves.windows());
        System.out.printf("move of %s, %d times: applied (move 200 -> consumer committed) ms %s; answered (-> %s) ms %s%n", what,
                moves.applied().size(), moves.applied(), answeredMeans, moves.answered());
        System.out.printf("reads during the moves: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms; failed reads (whole run): %d of %d%n", during.size(),
                at(during, 0.50), at(during, 0.99), during.isEmpty() ? 0 : during.get(during.size() - 1) / 1000.0, reader.failures.get(),
                reader.reads.size());
        long[] slowest = reader.slowestDuring(moves.windows());
        if (slowest != null) {
            // where it lay: a read that started before the first move, or the first of its kind, is the service warming up
            System.out.printf("  slowest read during the moves: the reader's read #%d, started %.1f ms after the reader and %.1f ms after the"
                    + " first move began, took %.1f ms%n", slowest[2], (slowest[0] - reader.started) / 1e6, (slowest[0] - moves.windows().get(0)[0]) / 1e6,
                    (slowest[1] - slowest[0]) / 1e6);
        }
        long[] stalls = reader.stallsDuring(moves.windows());
        if (stalls[0] > 0) {
            List<Long> unstalled = reader.during(moves.windows(), true);
            System.out.printf("  this JVM stood still %d times during the moves (longest %d ms: stopped by the machine, or a GC pause);"
                    + " the %d reads that did not overlap one: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", stalls[0], stalls[1], unstalled.size(),
                    at(unstalled, 0.50), at(unstalled, 0.99), unstalled.isEmpty() ? 0 : unstalled.get(unstalled.size() - 1) / 1000.0);
        }
    }

    /**
     * The consumer stopped ({@code stop}), a backlog made ({@code backlog}, answering the latest seq), the consumer started
     * again: prints how fast it applied the backlog.
     */
    public static void catchUp(Runnable stop, Runnable start, LongSupplier cursor, LongSupplier backlog, LongConsumer awaitApplied) {
        stop.run();
        long from = cursor.getAsLong();
        long latest = backlog.getAsLong();
        long started = System.nanoTime();
        start.run();
        awaitApplied.accept(latest);
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        System.out.printf("catch-up: %,d events (1 in 4 created, 3 in 4 renamed) in %,d ms = %,.0f events/s%n", latest - from, millis,
                (latest - from) * 1000.0 / millis);
    }

    private static double at(List<Long> micros, double q) {
        return micros.isEmpty() ? 0 : micros.get(Math.min(micros.size() - 1, (int) Math.ceil(q * micros.size()) - 1)) / 1000.0;
    }
}
