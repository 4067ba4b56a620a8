package org.community.org.education.teacher;

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

/** Adds and updates teachers of a unit's pool: admin roles inside their scope. */
@ApplicationScoped
public class TeacherService {

    @Inject
    TeacherRepository teachers;

    @Inject
    OrgUnitRepository units;

    @Inject
    MemberRepository members;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Transactional
    public UUID add(TeacherInput input) {
        caller.require(Access.ADMIN);
        OrgUnit unit = units.lockAgainstMove(input.unitId()).orElseThrow(() -> ProblemException.invalidField("unitId", "unitUnknown", input.unitId()));
        caller.requireIn(Access.ADMIN, unit.path());
        String name = nameOf(input, unit);
        Teacher teacher = new Teacher(unit.id(), unit.name(), unit.path(), input.kind(), input.memberId(), details(input, name), Instant.now());
        if (!teachers.insert(teacher)) {
            throw ProblemException.conflictOnField(input.memberId() != null ? "memberId" : "name", "teacherDuplicate", name);
        }
        audit.record("teacher.create", "teacher", teacher.id(), unit.path(), summary(input, name));
        return teacher.id();
    }

    @Transactional
    public void update(UUID id, TeacherInput input, String ifMatch) {
        caller.require(Access.ADMIN);
        Teacher current = teachers.lock(id).orElseThrow(() -> ProblemException.notFound("teacher", id));
        caller.requireVisible(Access.ADMIN, "teacher", id, current.unitPath());
        Preconditions.requireMatch(ifMatch, current.version());
        if (!current.unitId().equals(input.unitId())) {
            throw ProblemException.invalidField("unitId", "teacherUnitFixed");
        }
        if (current.kind() != input.kind()) {
            throw ProblemException.invalidField("kind", "teacherKindFixed");
        }
        if (current.kind() == TeacherKind.INTERNAL && !current.memberId().equals(input.memberId())) {
            throw ProblemException.invalidField("memberId", "teacherMemberFixed");
        }
        String name = current.kind() == TeacherKind.INTERNAL ? current.name() : externalName(input);
        Teacher.Details details = details(input, name);
        if (current.kind() == TeacherKind.EXTERNAL && teachers.taken(current.unitId(), null, name, details.affiliation(), id)) {
            throw ProblemException.conflictOnField("name", "teacherDuplicate", name);
        }
        current.change(details, Instant.now());
        if (!teachers.update(current)) {
            throw ProblemException.conflictOnField("name", "teacherDuplicate", name);
        }
        audit.record("teacher.update", "teacher", id, current.unitPath(), summary(input, name));
    }

    /** An internal teacher is a member of the pool unit's tree and carries the member's name; an external one a name of its own. */
    private String nameOf(TeacherInput input, OrgUnit unit) {
        if (input.kind() == TeacherKind.EXTERNAL) {
            if (input.memberId() != null) {
                throw ProblemException.badField("memberId", "teacherExternalMember");
            }
            return externalName(input);
        }
        if (input.memberId() == null) {
            throw ProblemException.badField("memberId", "teacherInternalMember");
        }
        Member member = members.find(input.memberId())
                .filter(m -> !m.status().isExit() && Paths.isWithin(m.path(), unit.path()))
                .orElseThrow(() -> ProblemException.invalidField("memberId", "teacherMemberOutside", input.memberId(), unit.name()));
        return member.name();
    }

    private static String externalName(TeacherInput input) {
        if (input.name() == null || input.name().isBlank()) {
            throw ProblemException.badField("name", "teacherNameRequired");
        }
        return input.name().trim();
    }

    private static Teacher.Details details(TeacherInput input, String name) {
        return new Teacher.Details(name, blankToNull(input.affiliation()), blankToNull(input.title()),
                input.specialties().stream().map(String::trim).distinct().toList(), input.phone(), input.active() == null || input.active());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Map<String, Object> summary(TeacherInput input, String name) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("unitId", input.unitId().toString());
        summary.put("kind", input.kind());
        summary.put("name", name);
        summary.put("affiliation", input.affiliation());
        summary.put("specialties", input.specialties());
        summary.put("phone", input.phone());
        summary.put("active", input.active() == null || input.active());
        return summary;
    }
}
