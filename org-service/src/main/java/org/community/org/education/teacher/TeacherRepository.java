package org.community.org.education.teacher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.security.Scope;
import org.community.org.tree.Paths;

/** SQL of the teacher pools. */
@ApplicationScoped
public class TeacherRepository {

    @Inject
    Db db;

    public Optional<Teacher> find(UUID id) {
        return db.one(Teacher.SELECT + "where t.id = ?", Teacher::map, id);
    }

    public Optional<Teacher> lock(UUID id) {
        return db.one(Teacher.SELECT + "where t.id = ? for update of t", Teacher::map, id);
    }

    /** False when the pool has this member, or an external teacher of this name and affiliation, already. */
    public boolean insert(UUID id, TeacherInput in, String name, Instant now) {
        return db.update("insert into edu_teacher (id, unit_id, kind, member_id, name, affiliation, title, specialties, phone, active, version,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) on conflict do nothing",
                id, in.unitId(), in.kind(), in.memberId(), name, blankToNull(in.affiliation()), blankToNull(in.title()),
                in.specialties().stream().map(String::trim).distinct().toArray(String[]::new), in.phone(), in.active() == null || in.active(),
                now, now) == 1;
    }

    /** The pool unit and the member stay; false when another teacher of the pool has the new name and affiliation. */
    public boolean update(Teacher current, TeacherInput in, String name, Instant now) {
        if (current.memberId() == null && db.count("select count(*) from edu_teacher where unit_id = ? and member_id is null and name = ?"
                + " and coalesce(affiliation, '') = coalesce(?, '') and id <> ?", current.unitId(), name, blankToNull(in.affiliation()),
                current.id()) > 0) {
            return false;
        }
        db.update("update edu_teacher set name = ?, affiliation = ?, title = ?, specialties = ?, phone = ?, active = ?, version = version + 1,"
                + " updated_at = ? where id = ?", name, blankToNull(in.affiliation()), blankToNull(in.title()),
                in.specialties().stream().map(String::trim).distinct().toArray(String[]::new), in.phone(), in.active() == null || in.active(),
                now, current.id());
        return true;
    }

    private static final String FILTER = " where u.path >= ? and u.path < ? and %s and (?::text is null or t.kind = ?)"
            + " and (?::text is null or ? = any(t.specialties)) and (?::boolean is null or t.active = ?)";

    /** The pools of a subtree that the scope sees, by name. */
    public List<Teacher> list(String path, Scope scope, TeacherKind kind, String specialty, Boolean active, PageRequest page) {
        List<Object> args = args(path, scope, kind, specialty, active);
        args.add(page.size);
        args.add(page.offset());
        return db.list(Teacher.SELECT + FILTER.formatted(scope.where("u.path").sql()) + " order by t.name, t.id limit ? offset ?", Teacher::map,
                args.toArray());
    }

    public long count(String path, Scope scope, TeacherKind kind, String specialty, Boolean active) {
        return db.count("select count(*) from edu_teacher t join org_unit u on u.id = t.unit_id" + FILTER.formatted(scope.where("u.path").sql()),
                args(path, scope, kind, specialty, active).toArray());
    }

    private static List<Object> args(String path, Scope scope, TeacherKind kind, String specialty, Boolean active) {
        List<Object> args = new ArrayList<>(List.of(path, Paths.upperBound(path)));
        args.addAll(scope.where("u.path").args());
        args.addAll(java.util.Arrays.asList(kind, kind, specialty, specialty, active, active));
        return args;
    }

    public List<TeacherView.CourseTaught> coursesTaught(UUID teacherId) {
        return db.list("select c.id, c.title, p.id program_id, p.name, c.hours, (select count(*) from edu_session s where s.course_id = c.id) n"
                + " from edu_course c join edu_program p on p.id = c.program_id where c.teacher_id = ? order by p.starts_on desc, c.title",
                row -> new TeacherView.CourseTaught(Db.uuid(row, "id"), row.getString("title"), Db.uuid(row, "program_id"),
                        row.getString("name"), row.getBigDecimal("hours"), row.getLong("n")), teacherId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
