package org.community.consultation.resolution;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.problem.ProblemException;
import org.community.consultation.security.Caller;
import org.community.consultation.topic.TopicRepository;

/**
 * Who may see and change a resolution. A published resolution is a public notice: every authenticated caller reads
 * it (with the number of objections and the tasks, not the objectors), and a resident of the topic's community files
 * objections during the notice. Drafts, and the objections themselves, are read by admin roles and grid workers
 * inside their scope. Admin roles change resolutions inside their scope. An unreadable resolution is a 404.
 */
@ApplicationScoped
public class ResolutionAccess {

    @Inject
    Caller caller;

    @Inject
    ResolutionRepository resolutions;

    @Inject
    TopicRepository topics;

    public String path(Resolution r) {
        return topics.orgPathOf(r.topicId());
    }

    public boolean readsAll(Resolution r) {
        return caller.readScope().contains(path(r));
    }

    public boolean canRead(Resolution r) {
        return r.status() == ResolutionStatus.PUBLISHED || readsAll(r);
    }

    public Resolution readable(UUID id) {
        return resolutions.find(id).filter(this::canRead).orElseThrow(() -> ProblemException.notFound("resolution", id));
    }

    /** The resolution with what is not public about it (objections): 404 when unreadable, 403 outside the read scope. */
    public Resolution inReadScope(UUID id) {
        Resolution r = readable(id);
        caller.require(readsAll(r));
        return r;
    }

    /** For a change of a locked resolution: 404 when the caller may not read it, 403 unless they administer its topic. */
    public String requireAdmin(Resolution r) {
        if (!canRead(r)) {
            throw ProblemException.notFound("resolution", r.id());
        }
        String path = path(r);
        caller.requireIn(caller.adminScope(), path);
        return path;
    }

    /** An objection: by an admin role inside the scope or by a caller of the topic's community (403 otherwise). */
    public String requireObjector(Resolution r) {
        if (!canRead(r)) {
            throw ProblemException.notFound("resolution", r.id());
        }
        String path = path(r);
        caller.require(caller.adminScope().contains(path) || caller.community(path));
        return path;
    }
}
