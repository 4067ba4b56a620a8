package org.community.consultation.resolution;

import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.consultation.audit.AuditLog;
import org.community.conventions.db.Db;
import org.community.conventions.db.Ids;
import org.community.conventions.http.Preconditions;
import org.community.conventions.http.Times;
import org.community.conventions.problem.ProblemException;
import org.community.consultation.projects.NewProject;
import org.community.consultation.projects.RemoteProject;
import org.community.consultation.projects.VolunteerProjects;
import org.community.consultation.topic.Topic;
import org.community.consultation.topic.TopicAccess;
import org.community.consultation.topic.TopicRepository;
import org.community.consultation.topic.TopicStage;

/** The writes of resolutions: drafting, publication with notice, objections, tasks and volunteer projects. */
@ApplicationScoped
public class ResolutionService {

    @Inject
    ResolutionRepository resolutions;

    /** Deadlines (vote windows, notice periods) are read on this clock, which tests move instead of sleeping. */
    @Inject
    Clock clock;

    @Inject
    TopicRepository topics;

    @Inject
    VolunteerProjects volunteer;

    @Inject
    Db db;

    @Inject
    TopicAccess topicAccess;

    @Inject
    ResolutionAccess access;

    @Inject
    AuditLog audit;

    @Transactional
    public Resolution create(Inputs.ResolutionInput in) {
        Topic topic = topics.share(in.topicId()).orElseThrow(() -> ProblemException.invalidField("topicId", "topicUnknown", in.topicId()));
        topicAccess.requireAdminOfNamed(topic, "topicId");
        if (topic.stage() != TopicStage.RESOLUTION) {
            throw ProblemException.conflictOnField("topicId", "resolutionTopicStage", topic.stage());
        }
        String consensus = null;
        if (in.basis() == Basis.VOTE) {
            if (in.voteId() == null) {
                throw ProblemException.badField("voteId", "voteIdRequired");
            }
            var vote = db.one("select topic_id, status, outcome from vote where id = ?",
                    r -> new Object[] { Db.uuid(r, "topic_id"), r.getString("status"), r.getString("outcome") }, in.voteId())
                    .orElseThrow(() -> ProblemException.invalidField("voteId", "voteUnknown", in.voteId()));
            if (!topic.id().equals(vote[0])) {
                throw ProblemException.invalidField("voteId", "voteOfOtherTopic");
            }
            if (!"CLOSED".equals(vote[1]) || !"PASSED".equals(vote[2])) {
                throw ProblemException.invalidField("voteId", "voteNotPassed", vote[1], vote[2] == null ? "-" : vote[2]);
            }
        } else {
            if (topic.consensus() == null) {
                throw ProblemException.invalidField("basis", "noConsensus");
            }
            consensus = topic.consensus();
        }
        Resolution r = new Resolution(Ids.newId(), topic.id(), in.text().trim(), in.basis(), in.basis() == Basis.VOTE ? in.voteId() : null,
                consensus, in.responsibleParty().trim(), in.noticeDays() == null ? 7 : in.noticeDays(), ResolutionStatus.DRAFT, null, null,
                null, null, null, null, in.createdBy().trim(), 1, clock.instant());
        resolutions.insert(r);
        audit.record("resolution.create", "resolution", r.id(), topic.orgPath(), AuditLog.summary("topicId", topic.id(), "basis", r.basis(),
                "voteId", r.voteId(), "status", r.status()));
        return r;
    }

    @Transactional
    public Resolution publish(UUID id, Inputs.PublishRequest in, String ifMatch) {
        Resolution r = resolutions.lock(id).orElseThrow(() -> ProblemException.notFound("resolution", id));
        String path = access.requireAdmin(r);
        Preconditions.requireMatch(ifMatch, r.version());
        if (r.status() != ResolutionStatus.DRAFT) {
            throw ProblemException.conflict("alreadyPublished");
        }
        Instant now = clock.instant();
        Instant ends = in.noticeEndsAt() == null ? now.plus(Duration.ofDays(r.noticeDays())) : in.noticeEndsAt().toInstant();
        if (!ends.isAfter(now)) {
            throw ProblemException.badField("noticeEndsAt", "noticeInPast");
        }
        resolutions.publish(id, now, ends);
        audit.record("resolution.publish", "resolution", id, path, AuditLog.summary("status", ResolutionStatus.PUBLISHED, "noticeEndsAt",
                ends.toString()));
        return resolutions.find(id).orElseThrow();
    }

    @Transactional
    public ResolutionRepository.Objection object(UUID id, Inputs.ObjectionInput in) {
        Resolution r = resolutions.lock(id).orElseThrow(() -> ProblemException.notFound("resolution", id));
        String path = access.requireObjector(r);
        Instant now = clock.instant();
        if (!r.inNotice(now)) {
            throw ProblemException.conflict(r.status() == ResolutionStatus.DRAFT ? "objectionNotPublished" : "objectionNoticeOver",
                    r.noticeEndsAt() == null ? "-" : Times.local(r.noticeEndsAt()));
        }
        ResolutionRepository.Objection o = new ResolutionRepository.Objection(Ids.newId(), id, in.ownerName().trim(),
                in.unitId() == null ? null : in.unitId().trim(), in.text().trim(), now, null, null, null);
        resolutions.insertObjection(o);
        audit.record("objection.file", "resolution", id, path, AuditLog.summary("objectionId", o.id(), "unitId", o.unitId()));
        return o;
    }

    @Transactional
    public ResolutionRepository.Objection answer(UUID id, UUID objectionId, Inputs.AnswerInput in) {
        Resolution r = resolutions.lock(id).orElseThrow(() -> ProblemException.notFound("resolution", id));
        String path = access.requireAdmin(r);
        ResolutionRepository.Objection o = resolutions.lockObjection(id, objectionId)
                .orElseThrow(() -> ProblemException.notFound("objection", objectionId));
        if (o.answeredAt() != null) {
            throw ProblemException.conflict("objectionAnswered");
        }
        Instant now = clock.instant();
        resolutions.answer(objectionId, in.answer().trim(), in.answeredBy().trim(), now);
        audit.record("objection.answer", "resolution", id, path, AuditLog.summary("objectionId", objectionId, "answeredBy",
                in.answeredBy().trim()));
        return new ResolutionRepository.Objection(o.id(), o.resolutionId(), o.ownerName(), o.unitId(), o.text(), o.filedAt(), in.answer().trim(),
                in.answeredBy().trim(), now);
    }

    @Transactional
    public ResolutionRepository.Task addTask(UUID id, Inputs.TaskInput in) {
        Resolution r = resolutions.lock(id).orElseThrow(() -> ProblemException.notFound("resolution", id));
        String path = access.requireAdmin(r);
        if (r.status() != ResolutionStatus.PUBLISHED) {
            throw ProblemException.conflict("resolutionNotPublished");
        }
        Instant now = clock.instant();
        ResolutionRepository.Task t = new ResolutionRepository.Task(Ids.newId(), id, in.title().trim(), in.owner().trim(), in.dueOn(), 0,
                "OPEN", 1, now, now);
        resolutions.insertTask(t);
        audit.record("task.create", "resolution", id, path, AuditLog.summary("taskId", t.id(), "title", t.title(), "owner", t.owner(),
                "dueOn", t.dueOn().toString()));
        return t;
    }

    /** Records progress; 100 % marks the task DONE, after which it takes no more progress. */
    @Transactional
    public ResolutionRepository.Task progress(UUID id, UUID taskId, Inputs.ProgressInput in, String ifMatch) {
        Resolution r = resolutions.find(id).orElseThrow(() -> ProblemException.notFound("resolution", id));
        String path = access.requireAdmin(r);
        ResolutionRepository.Task t = resolutions.lockTask(id, taskId).orElseThrow(() -> ProblemException.notFound("task", taskId));
        Preconditions.checkMatch(ifMatch, t.version());
        if ("DONE".equals(t.status())) {
            throw ProblemException.conflict("taskDone");
        }
        Instant now = clock.instant();
        String status = in.progress() == 100 ? "DONE" : in.progress() > 0 ? "IN_PROGRESS" : "OPEN";
        ResolutionRepository.Task changed = new ResolutionRepository.Task(t.id(), t.resolutionId(), t.title(), t.owner(), t.dueOn(),
                in.progress(), status, t.version() + 1, t.createdAt(), now);
        resolutions.updateTask(changed);
        resolutions.insertProgress(taskId, Ids.newId(), in.progress(), in.note().trim(), in.actor().trim(), now);
        audit.record("task.progress", "resolution", id, path, AuditLog.summary("taskId", taskId, "progress", in.progress(), "status", status));
        return changed;
    }

    /**
     * Starts a volunteer project in volunteer-service for a published resolution. The resolution row stays
     * locked during the call, so two clicks cannot start two projects; the idempotency key is derived from the
     * resolution, so a retry after a lost answer finds the same project. When volunteer-service is down the
     * answer is 503 and nothing is written.
     */
    @Transactional
    public Resolution startProject(UUID id, Inputs.ProjectInput in) {
        Resolution r = resolutions.lock(id).orElseThrow(() -> ProblemException.notFound("resolution", id));
        String path = access.requireAdmin(r);
        if (r.status() != ResolutionStatus.PUBLISHED) {
            throw ProblemException.conflict("resolutionNotPublished");
        }
        if (r.projectId() != null) {
            throw ProblemException.conflict("projectExists", r.projectId());
        }
        RemoteProject project = volunteer.start("consultation-resolution-" + id,
                new NewProject(in.title().trim(), in.kind() == null ? "PRACTICAL_MATTER" : in.kind(), in.teamId(), in.description().trim(),
                        in.demandIds() == null ? List.of() : in.demandIds()));
        resolutions.setProject(id, project.id(), project.status(), in.title().trim(), clock.instant());
        audit.record("resolution.project", "resolution", id, path, AuditLog.summary("projectId", project.id(), "status", project.status(),
                "title", in.title().trim()));
        return resolutions.find(id).orElseThrow();
    }
}
