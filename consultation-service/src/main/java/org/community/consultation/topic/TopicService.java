package org.community.consultation.topic;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.db.Ids;
import org.community.conventions.http.Preconditions;
import org.community.consultation.orgunits.OrgUnits;
import org.community.consultation.orgunits.UnitSnapshot;
import org.community.consultation.audit.AuditLog;
import org.community.conventions.problem.ProblemException;
import org.community.consultation.resolution.ResolutionRepository;
import org.community.consultation.security.Caller;
import org.community.consultation.vote.VoteRepository;
import org.community.consultation.vote.VoteRule;
import org.community.consultation.vote.VoteStatus;

/** The writes of topics. Every stage change takes the topic's row lock and checks If-Match and the guards. */
@ApplicationScoped
public class TopicService {

    static final Set<String> SCOPE_LEVELS = Set.of("COMMUNITY", "COMPOUND", "BUILDING");

    @Inject
    TopicRepository topics;

    /** Deadlines (the end of a resolution's notice period) are read on this clock, which tests move instead of sleeping. */
    @Inject
    Clock clock;

    @Inject
    OrgUnits orgUnits;

    @Inject
    VoteRepository votes;

    @Inject
    ResolutionRepository resolutions;

    @Inject
    Caller caller;

    @Inject
    TopicAccess access;

    @Inject
    AuditLog audit;

    /**
     * A proposal in a unit of the caller's own chain: the subtrees of their org units, whatever their role (a
     * resident proposes in their community, a grid worker in their grid); a caller without org units may not propose
     * (CITY_ADMIN excepted).
     */
    @Transactional
    public Topic create(TopicInput input) {
        caller.require(!caller.scope().isEmpty());
        UnitSnapshot scope = orgUnits.require(input.scopeUnitId(), "scopeUnitId", SCOPE_LEVELS);
        caller.requireIn(caller.scope(), scope.orgPath());
        String proposedBy = caller.subject();
        Instant now = clock.instant();
        TopicEntity topic = new TopicEntity();
        topic.id = Ids.newId();
        topic.title = input.title().trim();
        topic.description = input.description().trim();
        topic.category = input.category();
        topic.scopeUnitId = scope.id();
        topic.scopeName = scope.name();
        topic.scopeLevel = scope.level();
        topic.orgPath = scope.orgPath();
        topic.proposer = input.proposer().trim();
        topic.stage = TopicStage.PROPOSED;
        topic.createdAt = now;
        topic.updatedAt = now;
        topic.proposedBy = proposedBy;
        topics.persistAndFlush(topic);
        audit.record("topic.create", "topic", topic.id, topic.orgPath, AuditLog.summary("title", topic.title, "category",
                topic.category, "scopeUnitId", topic.scopeUnitId, "stage", topic.stage));
        return topic.toTopic();
    }

    @Transactional
    public Topic transition(UUID id, TransitionRequest request, String ifMatch) {
        TopicEntity topic = topics.lock(id).orElseThrow(() -> ProblemException.notFound("topic", id));
        access.requireAdmin(topic.toTopic());
        Preconditions.requireMatch(ifMatch, topic.version);
        TopicStage from = topic.stage;
        if (!from.canMoveTo(request.to())) {
            throw ProblemException.conflictOnField("to", "stageIllegal", from, request.to());
        }
        checkGuard(topic.toTopic(), request.to());
        Instant now = clock.instant();
        topic.stage = request.to();
        topic.updatedAt = now;
        topics.addTransition(id, from, request.to(), request.actor().trim(), request.reason().trim(), now);
        topics.flush();
        audit.record("topic.transition", "topic", id, topic.orgPath, AuditLog.summary("from", from, "to", request.to(), "actor",
                request.actor().trim(), "reason", request.reason().trim()));
        return topic.toTopic();
    }

    @Transactional
    public Topic recordConsensus(UUID id, ConsensusRequest request, String ifMatch) {
        TopicEntity topic = topics.lock(id).orElseThrow(() -> ProblemException.notFound("topic", id));
        access.requireAdmin(topic.toTopic());
        Preconditions.requireMatch(ifMatch, topic.version);
        if (!topic.stage.isDeliberating()) {
            throw ProblemException.conflict("consensusStage", topic.stage);
        }
        topic.consensus = request.summary().trim();
        topic.consensusBy = request.recordedBy().trim();
        topic.consensusAt = clock.instant();
        topic.updatedAt = clock.instant();
        topics.flush();
        audit.record("topic.consensus", "topic", id, topic.orgPath, AuditLog.summary("recordedBy", topic.consensusBy, "stage",
                topic.stage));
        return topic.toTopic();
    }

    /** The guards of the stage machine that depend on other records; 409 naming what is missing. */
    private void checkGuard(Topic topic, TopicStage to) {
        switch (to) {
            case RESOLUTION -> {
                boolean decidedVote = votes.count("topicId = ?1 and status = ?2 and outcome = ?3", topic.id(), VoteStatus.CLOSED,
                        VoteRule.Outcome.PASSED) > 0;
                if (!decidedVote && topic.consensus() == null) {
                    throw ProblemException.conflictOnField("to", "guardResolution");
                }
                if (votes.count("topicId = ?1 and status = ?2", topic.id(), VoteStatus.OPEN) > 0) {
                    throw ProblemException.conflictOnField("to", "guardVoteOpen");
                }
            }
            case IMPLEMENTATION -> {
                if (resolutions.noticeOver(topic.id(), clock.instant()) == 0) {
                    throw ProblemException.conflictOnField("to", "guardImplementation");
                }
                long unanswered = resolutions.unansweredObjections(topic.id());
                if (unanswered > 0) {
                    throw ProblemException.conflictOnField("to", "guardObjections", unanswered);
                }
            }
            case EVALUATION -> {
                long open = resolutions.openTasks(topic.id());
                if (open > 0) {
                    throw ProblemException.conflictOnField("to", "guardEvaluation", open);
                }
            }
            default -> {
            }
        }
    }
}
