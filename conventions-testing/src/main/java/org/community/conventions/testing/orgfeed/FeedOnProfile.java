package org.community.conventions.testing.orgfeed;

import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profile of a consumer's feed tests against {@link FakeOrgFeed}: the consumer on, the fake's secret, small
 * batches, a short long-poll and a short backoff.
 */
public class FeedOnProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("org-feed.enabled", "true", "org-feed.client-secret", FakeOrgFeed.SECRET, "org-feed.batch-size", "50",
                "org-feed.wait", "2s", "org-feed.backoff-initial", "200ms", "org-feed.backoff-max", "1s");
    }

    /** Waits up to 30 s until the consumer's {@code cursor} reaches {@code seq}, failing with its {@code lastError} otherwise. */
    public static void awaitApplied(LongSupplier cursor, Supplier<String> lastError, long seq) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (cursor.getAsLong() < seq) {
            if (System.currentTimeMillis() >= deadline) {
                throw new AssertionError("the consumer did not reach event " + seq + " (at " + cursor.getAsLong() + ", last error "
                        + lastError.get() + ")");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
