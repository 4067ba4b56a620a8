package org.community.consultation.vote;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.consultation.security.Actor;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;

/**
 * Runs ballot casts on their own threads, a few at a time behind a bounded waiting queue. Ballots of one vote
 * serialize on the vote's row lock anyway, so more concurrent casts than a few only add lock waiters: hundreds of
 * voters at once would otherwise hold every HTTP worker thread and database connection while they queue, starving
 * reads such as the live tally. Waiting casts hold no thread and no connection. When the queue is full the cast is
 * refused at once with 503 and Retry-After ({@link CastingFullMapper}) instead of piling up without limit.
 * <p>
 * The bulkhead counts a cast from its start until its stage completes ({@code @AsynchronousNonBlocking}); the cast
 * itself runs on this class's pool, as many threads as the bulkhead admits, so a cast whose turn has come never waits
 * behind HTTP requests for a worker thread. Sizes are MicroProfile Fault Tolerance keys:
 * {@code org.community.consultation.vote.BallotCasting/cast/Bulkhead/value} (casts at the same time, also the pool's
 * size) and {@code .../waitingTaskQueue} (casts waiting); application.properties, "Votes".
 */
@ApplicationScoped
public class BallotCasting {

    @Inject
    VoteService votes;

    private ManagedExecutor pool;

    @PostConstruct
    void start() {
        int threads = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("org.community.consultation.vote.BallotCasting/cast/Bulkhead/value", Integer.class).orElse(8);
        // the bulkhead bounds the casts in flight; the pool only runs them
        pool = ManagedExecutor.builder().maxAsync(threads).maxQueued(-1).propagated(ThreadContext.ALL_REMAINING)
                .cleared(ThreadContext.TRANSACTION).build();
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }

    /** {@code actor} and {@code staff} are taken on the request thread (see {@link VoteService#cast}). */
    @AsynchronousNonBlocking
    @Bulkhead(value = 8, waitingTaskQueue = 2000)
    public CompletionStage<BallotView> cast(UUID voteId, String topicPath, BallotInput input, Actor actor, boolean staff) {
        return pool.supplyAsync(() -> votes.cast(voteId, topicPath, input, actor, staff));
    }
}
