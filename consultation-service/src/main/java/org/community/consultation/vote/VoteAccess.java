package org.community.consultation.vote;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.problem.ProblemException;
import org.community.consultation.security.Caller;
import org.community.consultation.topic.TopicRepository;
import org.community.consultation.security.Scope;

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
    Db db;

    @Inject
    TopicRepository topics;

    /** The org path of the vote's topic. */
    public String path(Vote v) {
        return topics.orgPathOf(v.topicId());
    }

    /** Whether the caller's account is linked to a unit on the vote's roll. */
    public boolean elector(UUID voteId) {
        String account = caller.subject();
        return account != null && db.count("select count(*) from elector where vote_id = ? and account = ?", voteId, account) > 0;
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

    /**
     * The condition of the vote list: votes of topics inside the read scope (btree ranges on topic.org_path) or with
     * the caller's account on the roll. Adds its arguments to {@code args}.
     */
    public String visibleSql(List<Object> args) {
        Scope scope = caller.readScope();
        if (scope.all()) {
            return "true";
        }
        StringBuilder sql = new StringBuilder("(topic_id in (select id from topic where ").append(scope.sql("org_path", args)).append(')');
        if (caller.subject() != null) {
            sql.append(" or id in (select vote_id from elector where account = ?)");
            args.add(caller.subject());
        }
        return sql.append(')').toString();
    }
}
