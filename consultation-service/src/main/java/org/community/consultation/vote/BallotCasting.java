package org.community.consultation.vote;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * Runs ballot casts on a small dedicated pool. Ballots of one vote serialize on the vote's row lock anyway,
 * so more concurrent casts than a few only add lock waiters: hundreds of voters at once would otherwise
 * hold every HTTP worker thread and database connection while they queue, starving reads such as the live
 * tally. Waiting casts hold no thread and no connection here. The request context travels with the task.
 */
@ApplicationScoped
public class BallotCasting {

    @Inject
    VoteService votes;

    @ConfigProperty(name = "consultation.votes.cast-concurrency", defaultValue = "8")
    int concurrency;

    private ManagedExecutor pool;

    @PostConstruct
    void start() {
        pool = ManagedExecutor.builder().maxAsync(concurrency).maxQueued(-1).propagated(ThreadContext.ALL_REMAINING)
                .cleared(ThreadContext.TRANSACTION).build();
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }

    /** {@code actor} and {@code staff} are taken on the request thread (see {@link VoteService#cast}). */
    public CompletionStage<BallotView> cast(UUID voteId, String topicPath, BallotInput input, org.community.consultation.security.Actor actor,
            boolean staff) {
        return pool.supplyAsync(() -> votes.cast(voteId, topicPath, input, actor, staff));
    }
}
