package org.community.org.education.attendance;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.org.education.EducationClock;
import org.community.org.education.EducationConfig;
import org.community.org.education.account.MemberAccounts;
import org.community.org.education.program.CourseFormat;
import org.community.org.education.program.Program;
import org.community.org.education.program.ProgramRepository;
import org.community.org.education.program.ProgramService;
import org.community.org.education.program.ProgramStatus;
import org.community.org.education.program.Venue;
import org.community.org.member.Member;
import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.community.org.tree.Paths;

/**
 * Enrolment and attendance. Staff (admin roles) act where they see the program's unit, or at a venue hosted by a unit
 * they see for members inside their scope. A member signs in with the code shown at the venue; the code says where.
 */
@ApplicationScoped
public class AttendanceService {

    /** Codes may be shown from this long before a session starts until it ends. */
    static final Duration CODE_LEAD = Duration.ofMinutes(30);

    @Inject
    AttendanceRepository attendance;

    @Inject
    ProgramService programService;

    @Inject
    ProgramRepository programs;

    @Inject
    OrgUnitRepository units;

    @Inject
    MemberAccounts accounts;

    @Inject
    EducationClock clock;

    @Inject
    EducationConfig config;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Transactional
    public AttendanceViews.EnrolmentResult enrol(AttendanceInputs.Enrolment input) {
        Program program = programService.lockForAdmin(input.programId());
        if (program.status() == ProgramStatus.CLOSED) {
            throw ProblemException.conflict("programClosed", program.name());
        }
        boolean byIds = input.memberIds() != null && !input.memberIds().isEmpty();
        if (byIds == (input.unitId() != null)) {
            throw ProblemException.badField("memberIds", "enrolmentIdsOrUnit");
        }
        Instant now = clock.now();
        AttendanceViews.EnrolmentResult result;
        if (byIds) {
            List<UUID> ids = input.memberIds();
            checkUnique(ids, "memberIds");
            Set<UUID> eligible = new HashSet<>(attendance.eligible(ids, program.unitPath()));
            for (int i = 0; i < ids.size(); i++) {
                if (!eligible.contains(ids.get(i))) {
                    throw ProblemException.invalidField("memberIds[" + i + "]", "enrolmentOutside", ids.get(i), program.unitName());
                }
            }
            long added = attendance.enrol(program.id(), ids, now);
            result = new AttendanceViews.EnrolmentResult(program.id(), added, ids.size() - added);
        } else {
            OrgUnit unit = units.find(input.unitId()).orElseThrow(() -> ProblemException.invalidField("unitId", "unitUnknown", input.unitId()));
            if (!Paths.isWithin(unit.path(), program.unitPath())) {
                throw ProblemException.invalidField("unitId", "enrolmentOutside", unit.name(), program.unitName());
            }
            long[] counts = attendance.enrolSubtree(program.id(), unit.path(), now);
            result = new AttendanceViews.EnrolmentResult(program.id(), counts[0], counts[1] - counts[0]);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("unitId", input.unitId() == null ? null : input.unitId().toString());
        summary.put("members", byIds ? input.memberIds().size() : null);
        summary.put("enrolled", result.enrolled());
        audit.record("enrolment.add", "program", program.id(), program.unitPath(), summary);
        return result;
    }

    @Transactional
    public AttendanceViews.SignInCode issueCode(UUID sessionId, UUID venueId) {
        Where where = staffAt(sessionId, venueId, "venueId");
        Instant now = clock.now();
        if (now.isBefore(where.session().startsAt().minus(CODE_LEAD)) || now.isAfter(where.session().endsAt())) {
            throw ProblemException.invalidField("sessionId", "signInCodeOutsideSession", where.session().startsAt(), where.session().endsAt());
        }
        String code = SignInCodes.generate();
        while (attendance.codeLive(sessionId, code, now)) {
            code = SignInCodes.generate();
        }
        Instant expires = now.plus(config.signInCode().validFor());
        if (expires.isAfter(where.session().endsAt())) {
            expires = where.session().endsAt();
        }
        attendance.insertCode(new SignInCode(sessionId, venueId, code, now, expires, caller.subject()));
        // the code is the venue's secret: the entry records that one was issued, not its value
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("venueId", venueId == null ? null : venueId.toString());
        summary.put("expiresAt", expires.toString());
        audit.record("signInCode.issue", "session", sessionId, where.program().unitPath(), summary);
        return new AttendanceViews.SignInCode(sessionId, venueId, code, org.community.conventions.http.Times.local(expires));
    }

    /** A member signs in with the code; staff may type it for a member of their scope. */
    @Transactional
    public AttendanceViews.Attendance signIn(UUID sessionId, AttendanceInputs.SignIn input) {
        ProgramRepository.SessionRow session = programs.session(sessionId).orElseThrow(() -> ProblemException.notFound("session", sessionId));
        Member me = accounts.me().orElse(null);
        UUID memberId = input.memberId() != null ? input.memberId() : me == null ? null : me.id();
        if (memberId == null) {
            throw ProblemException.badField("memberId", "signInNoMember");
        }
        boolean self = me != null && me.id().equals(memberId);
        Program program = programs.find(session.programId()).orElseThrow();
        AttendanceRepository.Candidate member = attendance.candidates(program.id(), List.of(memberId)).stream().findFirst()
                .orElseThrow(() -> ProblemException.invalidField("memberId", "attendanceNotEnrolled", memberId, program.name()));
        if (!self) {
            // typed by staff for someone else: an admin role who sees the member
            caller.require(Access.ADMIN);
            if (!caller.sees(member.path())) {
                throw new ProblemException(ProblemType.FORBIDDEN, "forbidden.scope");
            }
        }
        if (!member.enrolled()) {
            throw ProblemException.invalidField("memberId", "attendanceNotEnrolled", member.name(), program.name());
        }
        requireOpen(program);
        SignInCode code = attendance.code(sessionId, input.code())
                .orElseThrow(() -> ProblemException.invalidField("code", "signInCodeWrong"));
        if (!clock.now().isBefore(code.expiresAt())) {
            throw ProblemException.invalidField("code", "signInCodeExpired");
        }
        if (!attendance.record(facts(session), memberId, code.venueId(), AttendanceMethod.CODE, caller.subject(), clock.now())) {
            throw ProblemException.conflictOnField("memberId", "attendanceExists", member.name());
        }
        audit.record("attendance.signIn", "session", sessionId, member.path(), Map.of("memberId", memberId.toString(), "venueId",
                String.valueOf(code.venueId())));
        return attendance.one(sessionId, memberId).orElseThrow();
    }

    @Transactional
    public void record(UUID sessionId, AttendanceInputs.Staff input) {
        Where where = staffAt(sessionId, input.venueId(), "venueId");
        requireOpen(where.program());
        AttendanceRepository.Candidate member = checkMembers(where, List.of(input.memberId()), "memberId").get(0);
        if (!attendance.record(facts(where.session()), member.id(), input.venueId(), AttendanceMethod.STAFF, caller.subject(), clock.now())) {
            throw ProblemException.conflictOnField("memberId", "attendanceExists", member.name());
        }
        audit.record("attendance.record", "session", sessionId, member.path(), Map.of("memberId", member.id().toString(), "venueId",
                String.valueOf(input.venueId())));
    }

    @Transactional
    public AttendanceViews.BatchResult recordBatch(UUID sessionId, AttendanceInputs.Batch input) {
        Where where = staffAt(sessionId, input.venueId(), "venueId");
        requireOpen(where.program());
        checkUnique(input.memberIds(), "memberIds");
        checkMembers(where, input.memberIds(), "memberIds");
        long added = attendance.recordAll(facts(where.session()), input.memberIds(), input.venueId(), AttendanceMethod.STAFF, caller.subject(),
                clock.now());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("venueId", String.valueOf(input.venueId()));
        summary.put("members", input.memberIds().size());
        summary.put("recorded", added);
        audit.record("attendance.batch", "session", sessionId, where.program().unitPath(), summary);
        return new AttendanceViews.BatchResult(sessionId, added, input.memberIds().size() - added);
    }

    /** A session and program the caller may read attendance of: RECORDS roles seeing the program's unit or a venue's host. */
    public Where readable(UUID sessionId) {
        caller.require(Access.RECORDS);
        ProgramRepository.SessionRow session = programs.session(sessionId).orElseThrow(() -> ProblemException.notFound("session", sessionId));
        Program program = programs.find(session.programId()).orElseThrow();
        List<Venue> venues = programs.sessionVenues(sessionId);
        List<String> paths = new java.util.ArrayList<>(List.of(program.unitPath()));
        venues.stream().map(Venue::hostPath).filter(java.util.Objects::nonNull).forEach(paths::add);
        caller.requireVisible(Access.RECORDS, "session", sessionId, paths.toArray(String[]::new));
        return new Where(session, program, null, caller.sees(program.unitPath()));
    }

    /** Where staff act: the session, its program, the venue (which must be one of the session's; none online). */
    public record Where(ProgramRepository.SessionRow session, Program program, Venue venue, boolean wholeProgram) {
    }

    private Where staffAt(UUID sessionId, UUID venueId, String field) {
        caller.require(Access.ADMIN);
        ProgramRepository.SessionRow session = programs.session(sessionId).orElseThrow(() -> ProblemException.notFound("session", sessionId));
        Program program = programs.lock(session.programId()).orElseThrow();
        List<Venue> venues = programs.sessionVenues(sessionId);
        List<String> paths = new java.util.ArrayList<>(List.of(program.unitPath()));
        venues.stream().map(Venue::hostPath).filter(java.util.Objects::nonNull).forEach(paths::add);
        caller.requireVisible(Access.ADMIN, "session", sessionId, paths.toArray(String[]::new));
        Venue venue = null;
        if (session.format() == CourseFormat.ONLINE) {
            if (venueId != null) {
                throw ProblemException.invalidField(field, "attendanceOnlineNoVenue");
            }
        } else {
            if (venueId == null) {
                throw ProblemException.badField(field, "attendanceVenueRequired");
            }
            venue = venues.stream().filter(v -> v.id().equals(venueId)).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField(field, "attendanceVenueNotOfSession", venueId));
        }
        boolean wholeProgram = caller.sees(program.unitPath());
        if (!wholeProgram && (venue == null || venue.hostPath() == null || !caller.sees(venue.hostPath()))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "forbidden.scope");
        }
        return new Where(session, program, venue, wholeProgram);
    }

    /** Every member enrolled; staff who see only a hosted venue record members of their own scope only. */
    private List<AttendanceRepository.Candidate> checkMembers(Where where, List<UUID> ids, String field) {
        Map<UUID, AttendanceRepository.Candidate> byId = new HashMap<>();
        attendance.candidates(where.program().id(), ids).forEach(c -> byId.put(c.id(), c));
        List<AttendanceRepository.Candidate> result = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String name = ids.size() == 1 && field.equals("memberId") ? field : field + "[" + i + "]";
            AttendanceRepository.Candidate member = byId.get(ids.get(i));
            if (member == null || !member.enrolled()) {
                throw ProblemException.invalidField(name, "attendanceNotEnrolled", member == null ? ids.get(i) : member.name(),
                        where.program().name());
            }
            if (!where.wholeProgram() && !caller.sees(member.path())) {
                throw new ProblemException(ProblemType.FORBIDDEN, "forbidden.scope");
            }
            result.add(member);
        }
        return result;
    }

    private static void requireOpen(Program program) {
        if (program.status() != ProgramStatus.OPEN) {
            throw ProblemException.conflict("programNotOpen", program.name(), program.status());
        }
    }

    private static void checkUnique(List<UUID> ids, String field) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                throw ProblemException.badField(field + "[" + i + "]", "memberRepeated", ids.get(i));
            }
        }
    }

    private static AttendanceRepository.SessionFacts facts(ProgramRepository.SessionRow s) {
        return new AttendanceRepository.SessionFacts(s.id(), s.programId(), s.courseId(), s.heldOn(), s.credits());
    }
}
