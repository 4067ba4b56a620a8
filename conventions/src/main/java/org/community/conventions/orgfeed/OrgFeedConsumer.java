package org.community.conventions.orgfeed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.community.conventions.orgfeed.FeedTypes.ChangeEvent;
import org.community.conventions.orgfeed.FeedTypes.ChangesPage;
import org.community.conventions.orgfeed.FeedTypes.SnapshotPage;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;

/**
 * Follows org-service's change feed on a thread of its own, started at startup (never holding startup or readiness up)
 * and stopped at shutdown: it catches up in batches of {@code org-feed.batch-size}, then long-polls ({@code org-feed.wait});
 * each batch is applied in one transaction with the cursor ({@link OrgFeedApplier}). A cursor older than the feed retains
 * (410), or a database that has never read the tree, is resynced from org-service's snapshot first. When org-service
 * cannot be reached the consumer waits {@code org-feed.backoff-initial}, doubling up to {@code org-feed.backoff-max}, and
 * logs the first failure and then every 20th; reads keep working from the snapshot meanwhile.
 * <p>
 * Opt-in: the consumer, its lag gauges and its readiness check exist only in a service that provides an
 * {@link OrgTreeCopy} bean (what to do with the changes). Elsewhere (org-service) this bean stays inert.
 */
@ApplicationScoped
public class OrgFeedConsumer {

    private static final Logger LOG = Logger.getLogger(OrgFeedConsumer.class);
    private static final int SNAPSHOT_PAGE = 1000;

    @Inject
    OrgFeedConfig config;

    @Inject
    OrgFeedClient client;

    @Inject
    OrgFeedApplier applier;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    @Inject
    Instance<OrgTreeCopy> copy;

    @Inject
    @Readiness
    HealthRegistry readiness;

    private Thread thread;
    private volatile boolean running;

    // what readiness and the lag gauges show
    private volatile long cursor;
    private volatile long latest;
    /** Until when this service's copy of the tree is known to be current. */
    private volatile Instant currentAsOf;
    private volatile String lastError;

    void onStart(@Observes StartupEvent event) {
        if (!consumes()) {
            return;
        }
        readiness.register("org-feed", new OrgFeedReadiness(this));
        Gauge.builder("org_feed_lag_events", this, OrgFeedConsumer::lagEvents)
                .description("Events of org-service's change feed not yet applied here").register(metrics);
        Gauge.builder("org_feed_lag_seconds", this, OrgFeedConsumer::lagSeconds)
                .description("Seconds this service's copy of the org tree may be behind org-service").register(metrics);
        if (config.enabled()) {
            start();
        } else {
            lastError = "disabled (org-feed.enabled=false)";
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts following the feed (again) from the stored cursor. */
    public synchronized void start() {
        if (running || !consumes()) {
            return;
        }
        running = true;
        currentAsOf = clock.instant();
        thread = new Thread(this::run, "org-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops following: a batch being applied is rolled back or committed whole, never in part. */
    public synchronized void stop() {
        running = false;
        Thread stopping = thread;
        thread = null;
        if (stopping != null) {
            stopping.interrupt();
            try {
                stopping.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this service consumes the feed: it provides what to do with the changes. */
    public boolean consumes() {
        return copy.isResolvable();
    }

    public long cursor() {
        return cursor;
    }

    public long latest() {
        return latest;
    }

    public String lastError() {
        return lastError;
    }

    public long lagEvents() {
        return Math.max(0, latest - cursor);
    }

    /**
     * 0 while the feed answers and nothing is left to apply; otherwise how long ago this copy of the tree was known to be
     * current: the time of the last event applied while catching up, or the last answer of the feed while it is away.
     */
    public long lagSeconds() {
        Instant asOf = currentAsOf;
        if (asOf == null || (lastError == null && lagEvents() == 0)) {
            return 0;
        }
        return Math.max(0, Duration.between(asOf, clock.instant()).toSeconds());
    }

    private void run() {
        Duration backoff = config.backoffInitial();
        int failures = 0;
        while (running) {
            try {
                step();
                if (failures > 0) {
                    LOG.infof("org-feed: org-service's change feed answers again after %d failed attempts", failures);
                }
                failures = 0;
                backoff = config.backoffInitial();
                lastError = null;
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                failures++;
                lastError = e.getMessage() == null ? e.toString() : e.getMessage();
                if (failures == 1 || failures % 20 == 0) {
                    LOG.warnf("org-feed: %s (failure %d in a row; trying again in %d ms, reads keep working from the snapshot)",
                            lastError, failures, backoff.toMillis());
                    if (!(e instanceof FeedUnavailable)) {
                        LOG.debug("org-feed failure", e);
                    }
                }
                if (!pause(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(config.backoffMax()) > 0 ? config.backoffMax() : backoff.multipliedBy(2);
            }
        }
    }

    /** One request to the feed and its batch applied; or a full resync. */
    private void step() throws InterruptedException {
        OrgFeedApplier.Cursor stored = applier.cursor();
        cursor = stored.seq();
        if (!stored.synced()) {
            resync();
            return;
        }
        ChangesPage page;
        try {
            // held by org-service only when nothing is new; a backlog is answered at once
            page = client.changes(cursor, config.batchSize(), config.waitTime());
        } catch (FeedUnavailable.CursorExpired e) {
            LOG.warnf("org-feed: %s; reading org-service's full snapshot", e.getMessage());
            applier.requireResync();
            return;
        }
        Instant answered = clock.instant();
        List<ChangeEvent> items = page.items() == null ? List.of() : page.items();
        if (!items.isEmpty()) {
            cursor = applier.apply(items);
        }
        latest = Math.max(page.latest(), cursor);
        if (cursor >= latest) {
            currentAsOf = answered;
        } else if (!items.isEmpty() && items.get(items.size() - 1).time() != null) {
            currentAsOf = items.get(items.size() - 1).time();
        }
    }

    private void resync() throws InterruptedException {
        Instant started = clock.instant();
        UUID after = null;
        long asOf = -1;
        int units = 0;
        do {
            SnapshotPage page = client.snapshot(after, SNAPSHOT_PAGE);
            if (asOf < 0) {
                asOf = page.asOf();
            }
            if (page.items() != null && !page.items().isEmpty()) {
                applier.applySnapshot(page.items());
                units += page.items().size();
            }
            after = page.nextAfterId();
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        } while (after != null);
        applier.finishResync(asOf);
        cursor = asOf;
        latest = Math.max(latest, asOf);
        LOG.infof("org-feed: read org-service's snapshot (%d units) in %d ms; following the feed after event %d", units,
                Duration.between(started, clock.instant()).toMillis(), asOf);
    }

    /** Sleeps about {@code backoff} (±20 %, so that replicas do not knock in step); false when stopped meanwhile. */
    private boolean pause(Duration backoff) {
        long millis = backoff.toMillis();
        long jitter = millis / 5;
        try {
            Thread.sleep(Math.max(1, millis + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1))));
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
