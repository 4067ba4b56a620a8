package org.community.consultation.vote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;

import org.jboss.logging.Logger;

/** Closes open votes whose window has ended and fixes their result, so nobody has to remember to. */
@ApplicationScoped
public class VoteCloser {

    private static final Logger LOG = Logger.getLogger(VoteCloser.class);

    @Inject
    VoteRepository votes;

    @Inject
    VoteService service;

    @Scheduled(every = "${consultation.votes.close-every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeExpired() {
        for (var id : votes.expiredOpenVotes()) {
            try {
                if (service.closeIfExpired(id)) {
                    LOG.infof("closed vote %s at the end of its window", id);
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not close vote %s", id);
            }
        }
    }
}
