package org.community.org.education.program;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.org.education.teacher.Teacher;
import org.community.org.education.teacher.TeacherRepository;
import org.community.conventions.http.Preconditions;
import org.community.conventions.http.Times;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.community.org.tree.Paths;

/**
 * Programs and their plan. Writes are for admin roles inside the scope of the program's unit; every write that
 * depends on the program's status locks the program row first, so a status change and a plan change never interleave.
 */
@ApplicationScoped
public class ProgramService {

    @Inject
    ProgramRepository programs;

    @Inject
    TeacherRepository teachers;

    @Inject
    OrgUnitRepository units;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    /** A program the caller may read (RECORDS roles in its unit's scope); 404 otherwise. */
    public Program visible(UUID id) {
        caller.require(Access.RECORDS);
        Program program = programs.find(id).orElseThrow(() -> ProblemException.notFound("program", id));
        caller.requireVisible(Access.RECORDS, "program", id, program.unitPath());
        return program;
    }

    /** Locks a program the caller administers: 404 when it does not see it, 403 when its role only reads. */
    public Program lockForAdmin(UUID id) {
        caller.require(Access.ADMIN);
        Program program = programs.lock(id).orElseThrow(() -> ProblemException.notFound("program", id));
        caller.requireVisible(Access.ADMIN, "program", id, program.unitPath());
        return program;
    }

    @Transactional
    public UUID create(ProgramInput input) {
        caller.require(Access.ADMIN);
        OrgUnit unit = units.lockAgainstMove(input.unitId()).orElseThrow(() -> ProblemException.invalidField("unitId", "unitUnknown", input.unitId()));
        caller.requireIn(Access.ADMIN, unit.path());
        if (!unit.isActive() || !unit.hasOrganization()) {
            throw ProblemException.invalidField("unitId", "programNoOrganization", unit.name());
        }
        checkPeriod(input);
        Program program = new Program(unit.id(), input, Instant.now());
        if (!programs.insert(program)) {
            throw ProblemException.conflictOnField("name", "programDuplicate", input.name().trim(), unit.name());
        }
        audit.record("program.create", "program", program.id(), unit.path(), summary(input));
        return program.id();
    }

    @Transactional
    public void update(UUID id, ProgramInput input, String ifMatch) {
        Program current = lockForAdmin(id);
        Preconditions.requireMatch(ifMatch, current.version());
        if (!current.unitId().equals(input.unitId())) {
            throw ProblemException.invalidField("unitId", "programUnitFixed");
        }
        if (current.status() == ProgramStatus.CLOSED) {
            throw ProblemException.conflict("programClosed", current.name());
        }
        checkPeriod(input);
        if (programs.countSessions(id, null, null, input.startsOn().minusDays(1)) > 0
                || programs.countSessions(id, null, input.endsOn().plusDays(1), null) > 0) {
            throw ProblemException.invalidField("startsOn", "programSessionsOutside");
        }
        if (programs.nameTaken(current.unitId(), input.name().trim(), id)) {
            throw ProblemException.conflictOnField("name", "programDuplicate", input.name().trim(), current.unitName());
        }
        current.change(input, Instant.now());
        if (!programs.update(current)) {
            throw ProblemException.conflictOnField("name", "programDuplicate", input.name().trim(), current.unitName());
        }
        audit.record("program.update", "program", id, current.unitPath(), summary(input));
    }

    @Transactional
    public void transition(UUID id, ProgramStatus to) {
        Program current = lockForAdmin(id);
        if (!current.status().mayBecome(to)) {
            throw ProblemException.conflictOnField("to", "programTransitionIllegal", current.status(), to);
        }
        ProgramStatus from = current.status();
        current.moveTo(to, Instant.now());
        programs.flush();
        audit.record("program.transition", "program", id, current.unitPath(), Map.of("from", from, "to", to));
    }

    @Transactional
    public UUID addVenue(UUID programId, VenueInput input) {
        Program program = editable(programId);
        if (input.hostUnitId() != null && units.find(input.hostUnitId()).isEmpty()) {
            throw ProblemException.invalidField("hostUnitId", "unitUnknown", input.hostUnitId());
        }
        Venue venue = new Venue(programId, input, Instant.now());
        if (!programs.insertVenue(venue)) {
            throw ProblemException.conflictOnField("name", "venueDuplicate", input.name().trim());
        }
        UUID id = venue.id();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("programId", programId.toString());
        summary.put("name", input.name().trim());
        summary.put("kind", input.kind());
        summary.put("hostUnitId", input.hostUnitId() == null ? null : input.hostUnitId().toString());
        audit.record("venue.create", "venue", id, program.unitPath(), summary);
        return id;
    }

    @Transactional
    public UUID addCourse(UUID programId, CourseInput input) {
        Program program = editable(programId);
        checkTeacher(program, input.teacherId());
        Course course = new Course(programId, input, Instant.now());
        if (!programs.insertCourse(course)) {
            throw ProblemException.conflictOnField("title", "courseDuplicate", input.title().trim());
        }
        UUID id = course.id();
        audit.record("course.create", "course", id, program.unitPath(), courseSummary(programId, input));
        return id;
    }

    @Transactional
    public void updateCourse(UUID courseId, CourseInput input, String ifMatch) {
        Course known = programs.course(courseId).orElseThrow(() -> ProblemException.notFound("course", courseId));
        Program program = editable(known.programId());
        Course current = programs.lockCourse(courseId).orElseThrow();
        Preconditions.requireMatch(ifMatch, current.version());
        checkTeacher(program, input.teacherId());
        if (current.format() != input.format() && programs.courseHasSessions(courseId)) {
            throw ProblemException.invalidField("format", "courseFormatFixed");
        }
        if (current.credits().compareTo(input.credits()) != 0 && program.status() != ProgramStatus.PLANNED) {
            throw ProblemException.invalidField("credits", "courseCreditsFixed");
        }
        if (programs.titleTaken(current.programId(), input.title().trim(), courseId)) {
            throw ProblemException.conflictOnField("title", "courseDuplicate", input.title().trim());
        }
        current.change(input, Instant.now());
        if (!programs.updateCourse(current)) {
            throw ProblemException.conflictOnField("title", "courseDuplicate", input.title().trim());
        }
        audit.record("course.update", "course", courseId, program.unitPath(), courseSummary(program.id(), input));
    }

    @Transactional
    public UUID addSession(UUID courseId, SessionInput input) {
        Course course = programs.course(courseId).orElseThrow(() -> ProblemException.notFound("course", courseId));
        Program program = editable(course.programId());
        if (!input.endsAt().isAfter(input.startsAt())) {
            throw ProblemException.badField("endsAt", "sessionEndsBeforeStart");
        }
        if (!program.covers(input.startsAt().atZoneSameInstant(Times.ZONE).toLocalDate())) {
            throw ProblemException.invalidField("startsAt", "sessionOutsideProgram", program.startsOn(), program.endsOn());
        }
        checkVenues(program, course.format(), input.venueIds());
        Session session = new Session(course, input.startsAt().toInstant(), input.endsAt().toInstant(), input.venueIds(), Instant.now());
        programs.insertSession(session);
        programs.flush();
        UUID id = session.id();
        audit.record("session.create", "session", id, program.unitPath(), Map.of("courseId", courseId.toString(), "startsAt",
                input.startsAt().toString(), "endsAt", input.endsAt().toString(), "venueIds", input.venueIds().stream().map(UUID::toString).toList()));
        return id;
    }

    /** The venues a format needs, all of this program: one or more classrooms; none online; one main and any sub-classrooms. */
    private void checkVenues(Program program, CourseFormat format, List<UUID> ids) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                throw ProblemException.badField("venueIds[" + i + "]", "venueRepeated", ids.get(i));
            }
        }
        Map<UUID, Venue> byId = new java.util.HashMap<>();
        programs.venueRows(ids).forEach(v -> byId.put(v.id(), v));
        int main = 0;
        for (int i = 0; i < ids.size(); i++) {
            Venue venue = byId.get(ids.get(i));
            if (venue == null || !venue.programId().equals(program.id())) {
                throw ProblemException.invalidField("venueIds[" + i + "]", "venueUnknown", ids.get(i));
            }
            boolean fits = switch (format) {
                case IN_PERSON -> venue.kind() == VenueKind.CLASSROOM;
                case VIDEO -> venue.kind() != VenueKind.CLASSROOM;
                case ONLINE -> false;
            };
            if (!fits) {
                throw ProblemException.invalidField("venueIds[" + i + "]", "venueWrongKind", venue.name(), venue.kind(), format);
            }
            if (venue.kind() == VenueKind.MAIN_CLASSROOM) {
                main++;
            }
        }
        if (format == CourseFormat.IN_PERSON && ids.isEmpty()) {
            throw ProblemException.badField("venueIds", "sessionNeedsClassroom");
        }
        if (format == CourseFormat.VIDEO && main != 1) {
            throw ProblemException.badField("venueIds", "sessionNeedsOneMain");
        }
    }

    /** A teacher of the pool of the program's unit, of one of its ancestors or of a unit below it; active. */
    private void checkTeacher(Program program, UUID teacherId) {
        Teacher teacher = teachers.find(teacherId).orElseThrow(() -> ProblemException.invalidField("teacherId", "teacherUnknown", teacherId));
        boolean onTheLine = Paths.isWithin(program.unitPath(), teacher.unitPath()) || Paths.isWithin(teacher.unitPath(), program.unitPath());
        if (!onTheLine) {
            throw ProblemException.invalidField("teacherId", "teacherOtherPool", teacher.name(), program.unitName());
        }
        if (!teacher.active()) {
            throw ProblemException.invalidField("teacherId", "teacherInactive", teacher.name());
        }
    }

    private Program editable(UUID programId) {
        Program program = lockForAdmin(programId);
        if (!program.status().isEditable()) {
            throw ProblemException.conflict("programClosed", program.name());
        }
        return program;
    }

    private static void checkPeriod(ProgramInput input) {
        if (input.endsOn().isBefore(input.startsOn())) {
            throw ProblemException.badField("endsOn", "programEndsBeforeStart");
        }
        if (input.endsOn().isAfter(input.startsOn().plusYears(2))) {
            throw ProblemException.badField("endsOn", "programTooLong");
        }
    }

    private static Map<String, Object> summary(ProgramInput input) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("unitId", input.unitId().toString());
        summary.put("name", input.name().trim());
        summary.put("startsOn", input.startsOn().toString());
        summary.put("endsOn", input.endsOn().toString());
        summary.put("requiredCredits", input.requiredCredits());
        return summary;
    }

    private static Map<String, Object> courseSummary(UUID programId, CourseInput input) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("programId", programId.toString());
        summary.put("title", input.title().trim());
        summary.put("teacherId", input.teacherId().toString());
        summary.put("hours", input.hours());
        summary.put("credits", input.credits());
        summary.put("format", input.format());
        return summary;
    }
}
