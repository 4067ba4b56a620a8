package org.community.conventions.db;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Time-ordered UUIDs (version 7): opaque to callers, and kind to btree indexes on bulk inserts. */
public final class Ids {

    private Ids() {
    }

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
