package org.community.consultation.vote;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.consultation.security.Actor;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * Runs ballot casts off the request thread, a few at a time behind a bounded waiting queue. Ballots of one vote
 * serialize on the vote's row lock anyway, so more concurrent casts than a few only add lock waiters: hundreds of
 * voters at once would otherwise hold every HTTP worker thread and database connection while they queue, starving
 * reads such as the live tally. Waiting casts hold no thread and no connection. When the queue is full the cast is
 * refused at once with 503 and Retry-After ({@link CastingFullMapper}) instead of piling up without limit.
 * <p>
 * Sizes are MicroProfile Fault Tolerance keys: {@code org.community.consultation.vote.BallotCasting/cast/Bulkhead/value}
 * (casts at the same time) and {@code .../waitingTaskQueue} (casts waiting); application.properties, "Votes".
 */
@ApplicationScoped
public class BallotCasting {

    @Inject
    VoteService votes;

    /** {@code actor} and {@code staff} are taken on the request thread (see {@link VoteService#cast}). */
    @Asynchronous
    @Bulkhead(value = 8, waitingTaskQueue = 2000)
    public CompletionStage<BallotView> cast(UUID voteId, String topicPath, BallotInput input, Actor actor, boolean staff) {
        return CompletableFuture.completedFuture(votes.cast(voteId, topicPath, input, actor, staff));
    }
}
