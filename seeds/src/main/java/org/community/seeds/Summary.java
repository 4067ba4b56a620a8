package org.community.seeds;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a load did: per kind of item, how many it created and how many were there already; and how long it took.
 * A second run over the same data shows everything under {@code existing} and nothing under {@code created}.
 */
public final class Summary {

    /** Created and already-present counts of one kind. */
    public record Count(long created, long existing) {
    }

    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private Duration elapsed = Duration.ZERO;

    synchronized void created(String kind, long n) {
        counts.computeIfAbsent(kind, k -> new long[2])[0] += n;
    }

    synchronized void existing(String kind, long n) {
        counts.computeIfAbsent(kind, k -> new long[2])[1] += n;
    }

    void elapsed(Duration duration) {
        this.elapsed = duration;
    }

    /** Kind (e.g. {@code units}, {@code volunteers}) → counts, in the order the loader met them. */
    public synchronized Map<String, Count> counts() {
        Map<String, Count> copy = new LinkedHashMap<>();
        counts.forEach((kind, c) -> copy.put(kind, new Count(c[0], c[1])));
        return Collections.unmodifiableMap(copy);
    }

    public Count count(String kind) {
        return counts().getOrDefault(kind, new Count(0, 0));
    }

    /** Items created in this run, all kinds together. */
    public long created() {
        return counts().values().stream().mapToLong(Count::created).sum();
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** The summary as an aligned text table. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-26s %9s %9s%n", "kind", "created", "existing"));
        counts().forEach((kind, c) -> b.append(String.format(Locale.ROOT, "  %-26s %9d %9d%n", kind, c.created(), c.existing())));
        b.append(String.format(Locale.ROOT, "  %-26s %8.1f s%n", "elapsed", elapsed.toMillis() / 1000.0));
        return b.toString();
    }

    @Override
    public String toString() {
        return table();
    }
}
