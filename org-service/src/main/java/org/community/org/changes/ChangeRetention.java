package org.community.org.changes;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Purges events older than the retention ({@code org.changes.retention}, 30 days): a consumer down for longer gets
 * 410 and resyncs from the snapshot. The newest event is always kept, so the feed's latest seq stays known.
 */
@ApplicationScoped
public class ChangeRetention {

    private static final Logger LOG = Logger.getLogger(ChangeRetention.class);

    @Inject
    ChangeRepository changes;

    @Inject
    Clock clock;

    @ConfigProperty(name = "org.changes.retention", defaultValue = "P30D")
    Duration retention;

    @Scheduled(every = "${org.changes.purge-every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "org-changes-purge")
    public void purge() {
        int deleted = changes.purgeBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            LOG.infof("Purged %d change events older than %s", deleted, retention);
        }
    }
}
