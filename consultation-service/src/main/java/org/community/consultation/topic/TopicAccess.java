package org.community.consultation.topic;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.problem.ProblemException;
import org.community.consultation.security.Caller;

/**
 * Who may see and change a topic, and through it everything hanging off the topic (meetings, votes, resolutions,
 * evaluations):
 * <ul>
 * <li>admin roles and grid workers read every topic inside their scope, with its whole timeline;</li>
 * <li>every authenticated caller reads topics in a public stage ({@link TopicStage#isPublic()}) and their own
 * proposals, with the public part of the timeline;</li>
 * <li>admin roles change topics inside their scope.</li>
 * </ul>
 * A topic the caller may not read is a 404, like an unknown id; one they may read but not change is a 403.
 */
@ApplicationScoped
public class TopicAccess {

    @Inject
    Caller caller;

    @Inject
    TopicRepository topics;

    /** Whether the caller reads everything of the topic (it lies in their read scope). */
    public boolean readsAll(Topic t) {
        return caller.readScope().contains(t.orgPath());
    }

    public boolean canRead(Topic t) {
        return readsAll(t) || t.stage().isPublic() || own(t);
    }

    public boolean own(Topic t) {
        return t.proposedBy() != null && t.proposedBy().equals(caller.subject());
    }

    public boolean administers(Topic t) {
        return caller.adminScope().contains(t.orgPath());
    }

    /** The topic, or 404 when it is unknown or the caller may not read it. */
    public Topic readable(UUID id) {
        return topics.find(id).filter(this::canRead).orElseThrow(() -> ProblemException.notFound("topic", id));
    }

    /** 404 unless the caller may read the topic, 403 unless they administer it. */
    public void requireAdmin(Topic t) {
        if (!canRead(t)) {
            throw ProblemException.notFound("topic", t.id());
        }
        caller.requireIn(caller.adminScope(), t.orgPath());
    }

    /**
     * For a write that names a topic in its body: a topic the caller may not read is unknown to them (422 naming
     * {@code field}, as for an id that does not exist); one they may read but not administer is a 403.
     */
    public void requireAdminOfNamed(Topic t, String field) {
        if (!canRead(t)) {
            throw ProblemException.invalidField(field, "topicUnknown", t.id());
        }
        caller.requireIn(caller.adminScope(), t.orgPath());
    }
}
