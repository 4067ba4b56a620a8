package org.community.consultation.vote;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.problem.ProblemException;
import org.community.consultation.security.Caller;
import org.community.consultation.topic.TopicRepository;

/**
 * Who may see and change a vote. Votes are not public: admin roles and grid workers read the votes of topics inside
 * their scope (roll, ballots, tally, chain audit); an owner on the roll whose elector row is linked to their account
 * reads the vote itself and their own ballot, and casts it online. Admin roles change votes inside their scope and
 * record proxy and paper ballots. A vote the caller may not read is a 404.
 */
@ApplicationScoped
public class VoteAccess {

    @Inject
    Caller caller;

    @Inject
    VoteRepository votes;

    @Inject
    TopicRepository topics;

    /** The org path of the vote's topic. */
    public String path(Vote v) {
        return topics.orgPathOf(v.topicId());
    }

    /** Whether the caller's account is linked to a unit on the vote's roll. */
    public boolean elector(UUID voteId) {
        return votes.hasAccount(voteId, caller.subject());
    }

    /** The vote if the caller reads it (in their read scope, or on its roll); 404 otherwise. */
    public Vote readable(UUID id) {
        Vote vote = votes.find(id).orElseThrow(() -> ProblemException.notFound("vote", id));
        if (!caller.readScope().contains(path(vote)) && !elector(id)) {
            throw ProblemException.notFound("vote", id);
        }
        return vote;
    }

    /** The vote with everything about it (roll, ballots, tally, audit): 404 when unreadable, 403 outside the read scope. */
    public Vote inReadScope(UUID id) {
        Vote vote = readable(id);
        caller.requireIn(caller.readScope(), path(vote));
        return vote;
    }

    /** For a change of a locked vote: 404 when the caller may not read it, 403 unless they administer its topic. */
    public String requireAdmin(Vote vote) {
        String path = path(vote);
        if (!caller.readScope().contains(path) && !elector(vote.id())) {
            throw ProblemException.notFound("vote", vote.id());
        }
        caller.requireIn(caller.adminScope(), path);
        return path;
    }

    public boolean administers(Vote vote) {
        return caller.adminScope().contains(path(vote));
    }
}
