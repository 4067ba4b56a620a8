package org.community.org.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.http.Preconditions;
import org.community.conventions.http.Times;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.stats.Counts;
import org.community.org.stats.Rollups;
import org.community.org.tree.Level;
import org.community.org.tree.OrgForm;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.community.org.tree.Paths;

/**
 * Member writes. Each keeps the member roll-ups of the unit and its ancestors in step (the difference of the
 * member's contribution after and before) and records every status step with its date.
 */
@ApplicationScoped
public class MemberService {

    @Inject
    MemberRepository members;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @Inject
    OrgUnitRepository units;

    @Inject
    PostService posts;

    @Inject
    Rollups rollups;

    @Inject
    org.community.org.dues.DuesHooks dues;

    @Transactional
    public Member create(MemberInput input) {
        caller.require(Access.ADMIN);
        OrgUnit unit = memberUnit(input.unitId(), "unitId");
        caller.requireIn(Access.ADMIN, unit.path());
        MemberStatus status = input.status() == null ? MemberStatus.APPLICANT : input.status();
        if (status.isExit()) {
            throw ProblemException.invalidField("status", "memberExitAtStart", status);
        }
        LocalDate statusOn = input.statusOn() == null ? Times.today() : input.statusOn();
        LocalDate admittedOn = null;
        LocalDate probationEnds = null;
        if (status.isPartyMember()) {
            if (input.admittedOn() == null) {
                throw ProblemException.invalidField("admittedOn", "memberAdmittedRequired", status);
            }
            admittedOn = input.admittedOn();
            probationEnds = admittedOn.plusYears(1);
            if (admittedOn.isAfter(statusOn)) {
                throw ProblemException.invalidField("admittedOn", "memberAdmittedAfterStatus");
            }
            if (status == MemberStatus.FULL && statusOn.isBefore(probationEnds)) {
                throw ProblemException.invalidField("statusOn", "probationNotOver", probationEnds);
            }
        }
        if (!input.birthDate().isBefore(statusOn)) {
            throw ProblemException.invalidField("birthDate", "memberBornAfterStatus");
        }
        checkHousehold(input.householdId());
        String idNumber = idNumber(input.idNumber());
        Member member = new Member(unit.id(), unit.path(), new Member.Personal(input.name().trim(), input.gender(), input.birthDate(),
                trim(input.ethnicity()), trim(input.education()), trim(input.phone()), idNumber, input.householdId()), status, statusOn,
                admittedOn, probationEnds, Instant.now());
        if (!members.insert(member)) {
            throw ProblemException.conflictOnField("idNumber", "idNumberTaken");
        }
        members.addStep(member.id(), status, statusOn, "登记");
        members.flush();
        rollups.apply(Paths.keys(unit.path()), member.contribution());
        audit.record("member.create", "member", member.id(), member.path(), input);
        return member;
    }

    @Transactional
    public Member update(UUID id, MemberChanges changes, String ifMatch) {
        caller.require(Access.ADMIN);
        Member current = lock(id);
        Preconditions.requireMatch(ifMatch, current.version());
        if (!changes.birthDate().isBefore(current.statusOn())) {
            throw ProblemException.invalidField("birthDate", "memberBornAfterStatus");
        }
        checkHousehold(changes.householdId());
        String idNumber = idNumber(changes.idNumber());
        if (members.idNumberTaken(idNumber, id)) {
            throw ProblemException.conflictOnField("idNumber", "idNumberTaken");
        }
        current.change(new Member.Personal(changes.name().trim(), changes.gender(), changes.birthDate(), trim(changes.ethnicity()),
                trim(changes.education()), trim(changes.phone()), idNumber, changes.householdId()), Instant.now());
        if (!members.update(current)) {
            throw ProblemException.conflictOnField("idNumber", "idNumberTaken");
        }
        audit.record("member.update", "member", id, current.path(), changes);
        return current;
    }

    /** One step of the pipeline or an exit. TRANSFERRED_OUT only happens through a transfer. */
    @Transactional
    public Member transition(UUID id, TransitionRequest request, String ifMatch) {
        caller.require(Access.ADMIN);
        Member current = lock(id);
        Preconditions.checkMatch(ifMatch, current.version());
        if (request.to() == MemberStatus.TRANSFERRED_OUT) {
            throw ProblemException.conflict("memberTransferOnly");
        }
        MemberStatus from = current.status();
        Member changed = changeStatus(current, request.to(), request.on(), request.note());
        audit.record("member.transition", "member", id, current.path(),
                java.util.Map.of("from", from, "to", request.to(), "note", String.valueOf(request.note())));
        return changed;
    }

    @Transactional
    public Member extendProbation(UUID id, ProbationExtension request, String ifMatch) {
        caller.require(Access.ADMIN);
        Member current = lock(id);
        Preconditions.checkMatch(ifMatch, current.version());
        if (current.status() != MemberStatus.PROBATIONARY) {
            throw ProblemException.conflict("notProbationary", current.name());
        }
        LocalDate regular = current.admittedOn().plusYears(1);
        if (!request.until().isAfter(current.probationEndsOn()) || request.until().isAfter(regular.plusYears(1))) {
            throw ProblemException.invalidField("until", "extensionRange", current.probationEndsOn(), regular.plusYears(1));
        }
        current.changeStatus(MemberStatus.PROBATIONARY, current.statusOn(), current.admittedOn(), request.until(), Instant.now());
        members.addStep(id, MemberStatus.PROBATIONARY, Times.today(),
                "延长预备期至 " + request.until() + (request.note() == null ? "" : ":" + request.note()));
        members.flush();
        audit.record("member.extendProbation", "member", id, current.path(), request);
        return current;
    }

    /**
     * Changes a locked member's status after checking the state machine; used by transitions and by transfers
     * (TRANSFERRED_OUT). Exits end the member's posts.
     */
    public Member changeStatus(Member current, MemberStatus to, LocalDate on, String note) {
        if (!current.status().mayBecome(to)) {
            throw ProblemException.conflictOnField("to", "memberTransitionIllegal", current.status(), to);
        }
        if (on.isBefore(current.statusOn())) {
            throw ProblemException.invalidField("on", "memberStepBeforeLast", current.statusOn());
        }
        LocalDate admitted = current.admittedOn();
        LocalDate probationEnds = current.probationEndsOn();
        if (to == MemberStatus.PROBATIONARY) {
            admitted = on;
            probationEnds = on.plusYears(1);
        }
        if (to == MemberStatus.FULL && on.isBefore(current.probationEndsOn())) {
            throw ProblemException.conflictOnField("on", "probationNotOver", current.probationEndsOn());
        }
        Counts before = current.contribution();
        Instant now = Instant.now();
        current.changeStatus(to, on, admitted, probationEnds, now);
        if (to.isExit() && current.mobile()) {
            current.setMobile(false, now);
        }
        members.addStep(current.id(), to, on, note);
        members.flush();
        rollups.apply(Paths.keys(current.path()), current.contribution().minus(before));
        if (to.isExit()) {
            posts.endAllHeldBy(current.id(), on, "exit " + to);
            dues.memberLeft(current);
        }
        return current;
    }

    /** Moves a locked member to another unit: the counters leave the old chain and join the new one in one transaction. */
    public Member moveTo(Member current, OrgUnit unit) {
        dues.memberMoved(current, unit);
        rollups.lock(union(Paths.keys(current.path()), Paths.keys(unit.path())));
        rollups.apply(Paths.keys(current.path()), current.contribution().negated());
        rollups.apply(Paths.keys(unit.path()), current.contribution());
        current.moveTo(unit.id(), unit.path(), Instant.now());
        members.flush();
        return current;
    }

    /** Flags a locked member as away (流动) or back, with the counters. */
    public Member setMobile(Member current, boolean away) {
        Counts before = current.contribution();
        current.setMobile(away, Instant.now());
        members.flush();
        rollups.apply(Paths.keys(current.path()), current.contribution().minus(before));
        return current;
    }

    /** Locks a member the caller administers: 404 outside its scope, as for an unknown id. */
    public Member lock(UUID id) {
        Member member = members.lockForUpdate(id).orElseThrow(() -> ProblemException.notFound("member", id));
        caller.requireVisible(Access.ADMIN, "member", id, member.path());
        return member;
    }

    /**
     * The unit a member may belong to: an active branch or group (党支部/党小组) at community level or below, held against a
     * concurrent move.
     */
    public OrgUnit memberUnit(UUID unitId, String field) {
        OrgUnit unit = units.lockAgainstMove(unitId).orElseThrow(() -> ProblemException.invalidField(field, "unitUnknown", unitId));
        if (!unit.isActive()) {
            throw ProblemException.invalidField(field, "unitDissolved", unit.name());
        }
        boolean levelOk = unit.level() == Level.COMMUNITY || unit.level() == Level.GRID || unit.level() == Level.COMPOUND
                || unit.level() == Level.BUILDING;
        if (!levelOk || (unit.form() != OrgForm.BRANCH && unit.form() != OrgForm.GROUP)) {
            throw ProblemException.invalidField(field, "memberUnitKind", unit.name(), unit.level(), unit.form() == null ? "-" : unit.form());
        }
        return unit;
    }

    private void checkHousehold(UUID householdId) {
        // a household outside the caller's scope is as unknown as one that does not exist
        if (householdId != null && !members.householdPath(householdId).filter(path -> caller.sees(path)).isPresent()) {
            throw ProblemException.invalidField("householdId", "householdUnknown", householdId);
        }
    }

    private static String idNumber(String idNumber) {
        String value = trim(idNumber);
        if (value == null) {
            return null;
        }
        if (!IdNumbers.valid(value)) {
            throw ProblemException.badField("idNumber", "idNumberInvalid");
        }
        return value.toUpperCase();
    }

    private static long[] union(long[] a, long[] b) {
        return java.util.stream.LongStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).distinct().toArray();
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
