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
import org.community.consultation.vote.Vote;
import org.community.consultation.vote.VoteRepository;
import org.community.consultation.vote.VoteRule;
import org.community.consultation.vote.VoteStatus;

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
    VoteRepository votes;

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
            Vote vote = votes.find(in.voteId()).orElseThrow(() -> ProblemException.invalidField("voteId", "voteUnknown", in.voteId()));
            if (!topic.id().equals(vote.topicId())) {
                throw ProblemException.invalidField("voteId", "voteOfOtherTopic");
            }
            if (vote.status() != VoteStatus.CLOSED || vote.outcome() != VoteRule.Outcome.PASSED) {
                throw ProblemException.invalidField("voteId", "voteNotPassed", vote.status(), vote.outcome() == null ? "-" : vote.outcome());
            }
        } else {
            if (topic.consensus() == null) {
                throw ProblemException.invalidField("basis", "noConsensus");
            }
            consensus = topic.consensus();
        }
        ResolutionEntity r = new ResolutionEntity();
        r.topicId = topic.id();
        r.text = in.text().trim();
        r.basis = in.basis();
        r.voteId = in.basis() == Basis.VOTE ? in.voteId() : null;
        r.consensus = consensus;
        r.responsibleParty = in.responsibleParty().trim();
        r.noticeDays = in.noticeDays() == null ? 7 : in.noticeDays();
        r.status = ResolutionStatus.DRAFT;
        r.createdBy = in.createdBy().trim();
        r.createdAt = clock.instant();
        resolutions.persistAndFlush(r);
        audit.record("resolution.create", "resolution", r.id, topic.orgPath(), AuditLog.summary("topicId", topic.id(), "basis", r.basis,
                "voteId", r.voteId, "status", r.status));
        return r.toResolution();
    }

    @Transactional
    public Resolution publish(UUID id, Inputs.PublishRequest in, String ifMatch) {
        ResolutionEntity r = resolutions.lock(id).orElseThrow(() -> ProblemException.notFound("resolution", id));
        String path = access.requireAdmin(r.toResolution());
        Preconditions.requireMatch(ifMatch, r.version);
        if (r.status != ResolutionStatus.DRAFT) {
            throw ProblemException.conflict("alreadyPublished");
        }
        Instant now = clock.instant();
        Instant ends = in.noticeEndsAt() == null ? now.plus(Duration.ofDays(r.noticeDays)) : in.noticeEndsAt().toInstant();
        if (!ends.isAfter(now)) {
            throw ProblemException.badField("noticeEndsAt", "noticeInPast");
        }
        r.status = ResolutionStatus.PUBLISHED;
        r.publishedAt = now;
        r.noticeEndsAt = ends;
        resolutions.flush();
        audit.record("resolution.publish", "resolution", id, path, AuditLog.summary("status", ResolutionStatus.PUBLISHED, "noticeEndsAt",
                ends.toString()));
        return r.toResolution();
    }

    @Transactional
    public ResolutionView.ObjectionView object(UUID id, Inputs.ObjectionInput in) {
        Resolution r = resolutions.lock(id).map(ResolutionEntity::toResolution).orElseThrow(() -> ProblemException.notFound("resolution", id));
        String path = access.requireObjector(r);
        Instant now = clock.instant();
        if (!r.inNotice(now)) {
            throw ProblemException.conflict(r.status() == ResolutionStatus.DRAFT ? "objectionNotPublished" : "objectionNoticeOver",
                    r.noticeEndsAt() == null ? "-" : Times.local(r.noticeEndsAt()));
        }
        Objection o = new Objection();
        o.resolutionId = id;
        o.ownerName = in.ownerName().trim();
        o.unitId = in.unitId() == null ? null : in.unitId().trim();
        o.text = in.text().trim();
        o.filedAt = now;
        o.persistAndFlush();
        audit.record("objection.file", "resolution", id, path, AuditLog.summary("objectionId", o.id, "unitId", o.unitId));
        return o.view();
    }

    @Transactional
    public ResolutionView.ObjectionView answer(UUID id, UUID objectionId, Inputs.AnswerInput in) {
        Resolution r = resolutions.lock(id).map(ResolutionEntity::toResolution).orElseThrow(() -> ProblemException.notFound("resolution", id));
        String path = access.requireAdmin(r);
        Objection o = resolutions.lockObjection(id, objectionId).orElseThrow(() -> ProblemException.notFound("objection", objectionId));
        if (o.answeredAt != null) {
            throw ProblemException.conflict("objectionAnswered");
        }
        o.answer = in.answer().trim();
        o.answeredBy = in.answeredBy().trim();
        o.answeredAt = clock.instant();
        o.flush();
        audit.record("objection.answer", "resolution", id, path, AuditLog.summary("objectionId", objectionId, "answeredBy", o.answeredBy));
        return o.view();
    }

    @Transactional
    public ResolutionView.TaskView addTask(UUID id, Inputs.TaskInput in) {
        Resolution r = resolutions.lock(id).map(ResolutionEntity::toResolution).orElseThrow(() -> ProblemException.notFound("resolution", id));
        String path = access.requireAdmin(r);
        if (r.status() != ResolutionStatus.PUBLISHED) {
            throw ProblemException.conflict("resolutionNotPublished");
        }
        Instant now = clock.instant();
        ResolutionTask t = new ResolutionTask();
        t.resolutionId = id;
        t.title = in.title().trim();
        t.owner = in.owner().trim();
        t.dueOn = in.dueOn();
        t.status = ResolutionTask.OPEN;
        t.createdAt = now;
        t.updatedAt = now;
        t.persistAndFlush();
        audit.record("task.create", "resolution", id, path, AuditLog.summary("taskId", t.id, "title", t.title, "owner", t.owner,
                "dueOn", t.dueOn.toString()));
        return t.view(List.of());
    }

    /** Records progress; 100 % marks the task DONE, after which it takes no more progress. */
    @Transactional
    public ResolutionView.TaskView progress(UUID id, UUID taskId, Inputs.ProgressInput in, String ifMatch) {
        Resolution r = resolutions.find(id).orElseThrow(() -> ProblemException.notFound("resolution", id));
        String path = access.requireAdmin(r);
        ResolutionTask t = resolutions.lockTask(id, taskId).orElseThrow(() -> ProblemException.notFound("task", taskId));
        Preconditions.checkMatch(ifMatch, t.version);
        if (ResolutionTask.DONE.equals(t.status)) {
            throw ProblemException.conflict("taskDone");
        }
        Instant now = clock.instant();
        t.progress = in.progress();
        t.status = in.progress() == 100 ? ResolutionTask.DONE : in.progress() > 0 ? ResolutionTask.IN_PROGRESS : ResolutionTask.OPEN;
        t.updatedAt = now;
        TaskProgress entry = new TaskProgress();
        entry.taskId = taskId;
        entry.progress = in.progress();
        entry.note = in.note().trim();
        entry.actor = in.actor().trim();
        entry.at = now;
        entry.persistAndFlush();
        audit.record("task.progress", "resolution", id, path, AuditLog.summary("taskId", taskId, "progress", in.progress(), "status",
                t.status));
        return t.view(resolutions.history(taskId));
    }

    /**
     * Starts a volunteer project in volunteer-service for a published resolution. The resolution row stays
     * locked during the call, so two clicks cannot start two projects; the idempotency key is derived from the
     * resolution, so a retry after a lost answer finds the same project. When volunteer-service is down the
     * answer is 503 and nothing is written.
     */
    @Transactional
    public Resolution startProject(UUID id, Inputs.ProjectInput in) {
        ResolutionEntity r = resolutions.lock(id).orElseThrow(() -> ProblemException.notFound("resolution", id));
        String path = access.requireAdmin(r.toResolution());
        if (r.status != ResolutionStatus.PUBLISHED) {
            throw ProblemException.conflict("resolutionNotPublished");
        }
        if (r.projectId != null) {
            throw ProblemException.conflict("projectExists", r.projectId);
        }
        RemoteProject project = volunteer.start("consultation-resolution-" + id,
                new NewProject(in.title().trim(), in.kind() == null ? "PRACTICAL_MATTER" : in.kind(), in.teamId(), in.description().trim(),
                        in.demandIds() == null ? List.of() : in.demandIds()));
        r.projectId = project.id();
        r.projectStatus = project.status();
        r.projectTitle = in.title().trim();
        r.projectStartedAt = clock.instant();
        resolutions.flush();
        audit.record("resolution.project", "resolution", id, path, AuditLog.summary("projectId", project.id(), "status", project.status(),
                "title", r.projectTitle));
        return r.toResolution();
    }
}
