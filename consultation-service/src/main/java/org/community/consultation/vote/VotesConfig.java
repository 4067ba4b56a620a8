package org.community.consultation.vote;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code consultation.votes.*}. How many ballots are cast at once and how many may wait is the bulkhead of
 * {@link BallotCasting} (MicroProfile Fault Tolerance keys, see there).
 */
@ConfigMapping(prefix = "consultation.votes")
public interface VotesConfig {

    /** How often open votes past their closing time are closed and their result fixed (read by {@link VoteCloser}'s schedule). */
    @WithDefault("30s")
    Duration closeEvery();

    /** The Retry-After of a cast refused because the ballot queue is full: about the time the full queue takes to drain. */
    @WithDefault("5s")
    Duration castRetryAfter();
}
