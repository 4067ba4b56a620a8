package org.community.org.education.mentoring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.http.Preconditions;
import org.community.org.member.Member;
import org.community.org.member.MemberRepository;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.community.org.tree.Paths;

/** Studios, their mentor/mentee pairs and sessions: written by admin roles seeing the studio's unit. */
@ApplicationScoped
public class MentoringService {

    @Inject
    MentoringRepository mentoring;

    @Inject
    OrgUnitRepository units;

    @Inject
    MemberRepository members;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Transactional
    public UUID createStudio(MentoringInputs.Studio input) {
        caller.require(Access.ADMIN);
        OrgUnit unit = units.lockAgainstMove(input.unitId()).orElseThrow(() -> ProblemException.invalidField("unitId", "unitUnknown", input.unitId()));
        caller.requireIn(Access.ADMIN, unit.path());
        Member lead = memberOf(unit, input.leadMemberId(), "leadMemberId");
        if (!lead.status().isPartyMember()) {
            throw ProblemException.invalidField("leadMemberId", "studioLeadNotMember", lead.name());
        }
        Studio studio = new Studio(unit.id(), input.name().trim(), lead.id(), input.foundedOn(), input.description(), Instant.now());
        if (!mentoring.insertStudio(studio)) {
            throw ProblemException.conflictOnField("name", "studioDuplicate", input.name().trim(), unit.name());
        }
        UUID id = studio.id();
        audit.record("studio.create", "studio", id, unit.path(), Map.of("unitId", unit.id().toString(), "name", input.name().trim(),
                "leadMemberId", lead.id().toString(), "foundedOn", input.foundedOn().toString()));
        return id;
    }

    @Transactional
    public UUID pair(UUID studioId, MentoringInputs.Mentorship input) {
        caller.require(Access.ADMIN);
        Studio studio = mentoring.studio(studioId).orElseThrow(() -> ProblemException.notFound("studio", studioId));
        caller.requireVisible(Access.ADMIN, "studio", studioId, studio.unitPath());
        OrgUnit unit = units.find(studio.unitId()).orElseThrow();
        if (input.mentorMemberId().equals(input.menteeMemberId())) {
            throw ProblemException.badField("menteeMemberId", "mentorshipSelf");
        }
        Member mentor = memberOf(unit, input.mentorMemberId(), "mentorMemberId");
        Member mentee = memberOf(unit, input.menteeMemberId(), "menteeMemberId");
        Mentorship pair = new Mentorship(studioId, mentor.id(), mentee.id(), input.startedOn(), input.goals().trim(), Instant.now());
        if (!mentoring.insertPair(pair)) {
            throw ProblemException.conflictOnField("menteeMemberId", "mentorshipDuplicate", mentor.name(), mentee.name());
        }
        UUID id = pair.id();
        audit.record("mentorship.create", "mentorship", id, studio.unitPath(), Map.of("studioId", studioId.toString(), "mentorMemberId",
                mentor.id().toString(), "menteeMemberId", mentee.id().toString(), "startedOn", input.startedOn().toString()));
        return id;
    }

    @Transactional
    public UUID addSession(UUID pairId, MentoringInputs.Session input) {
        Mentorship pair = adminsPair(pairId);
        if (pair.status() != MentorshipStatus.ACTIVE) {
            throw ProblemException.conflict("mentorshipNotActive", pair.status());
        }
        if (input.heldOn().isBefore(pair.startedOn())) {
            throw ProblemException.invalidField("heldOn", "mentoringBeforeStart", pair.startedOn());
        }
        Instant now = Instant.now();
        MentoringSession session = new MentoringSession(pairId, input.heldOn(), input.topic().trim(), input.notes().trim(), input.hours(),
                input.progress(), caller.name() == null ? caller.subject() : caller.name(), now);
        mentoring.addSession(pair, session, now);
        mentoring.flush();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("mentorshipId", pairId.toString());
        summary.put("heldOn", input.heldOn().toString());
        summary.put("topic", input.topic().trim());
        summary.put("hours", input.hours());
        summary.put("progress", input.progress());
        audit.record("mentoring.session", "mentorship", pairId, pair.studioPath(), summary);
        return session.id();
    }

    @Transactional
    public void transition(UUID pairId, MentoringInputs.Transition input, String ifMatch) {
        Mentorship pair = adminsPair(pairId);
        Preconditions.checkMatch(ifMatch, pair.version());
        if (!pair.status().mayBecome(input.to())) {
            throw ProblemException.conflictOnField("to", "mentorshipTransitionIllegal", pair.status(), input.to());
        }
        if (input.on().isBefore(pair.startedOn())) {
            throw ProblemException.invalidField("on", "mentoringBeforeStart", pair.startedOn());
        }
        pair.end(input.to(), input.on(), input.outcome().trim(), Instant.now());
        mentoring.flush();
        audit.record("mentorship.transition", "mentorship", pairId, pair.studioPath(), Map.of("from", pair.status(), "to", input.to(),
                "on", input.on().toString(), "outcome", input.outcome().trim()));
    }

    private Mentorship adminsPair(UUID pairId) {
        caller.require(Access.ADMIN);
        Mentorship pair = mentoring.lockPair(pairId).orElseThrow(() -> ProblemException.notFound("mentorship", pairId));
        caller.requireVisible(Access.ADMIN, "mentorship", pairId, pair.studioPath());
        return pair;
    }

    /** A member of the unit's tree who has not left; 422 naming the field otherwise. */
    private Member memberOf(OrgUnit unit, UUID memberId, String field) {
        return members.find(memberId).filter(m -> !m.status().isExit() && Paths.isWithin(m.path(), unit.path()))
                .orElseThrow(() -> ProblemException.invalidField(field, "mentoringMemberOutside", memberId, unit.name()));
    }
}
