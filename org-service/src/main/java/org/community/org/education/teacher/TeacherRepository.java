package org.community.org.education.teacher;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.persistence.Constraints;
import org.community.org.persistence.Locks;
import org.community.org.persistence.Where;
import org.community.org.security.Scope;
import org.community.org.tree.Paths;

/** The teacher pools as entities. A member, or an external name with its affiliation, is in a pool once. */
@ApplicationScoped
public class TeacherRepository implements PanacheRepositoryBase<Teacher, UUID> {

    @Inject
    Db db;

    public Optional<Teacher> find(UUID id) {
        return findByIdOptional(id);
    }

    public Optional<Teacher> lock(UUID id) {
        return Locks.forUpdate(getEntityManager(), Teacher.class, id);
    }

    /**
     * Adds the teacher unless the pool has this member, or an external teacher of this name and affiliation, already
     * (false then; a racing second add breaks the partial unique index on flush and answers the same).
     */
    public boolean insert(Teacher t) {
        if (taken(t.unitId(), t.memberId(), t.name(), t.affiliation(), null)) {
            return false;
        }
        persist(t);
        return Constraints.flushed(this::flush, "edu_teacher_member", "edu_teacher_external");
    }

    /**
     * Writes a changed teacher now; false when another teacher of the pool took the new name and affiliation meanwhile.
     * Check {@link #taken} before changing it: a query on a changed entity flushes it first.
     */
    public boolean update(Teacher t) {
        return Constraints.flushed(this::flush, "edu_teacher_external");
    }

    /** Whether a teacher of the pool other than {@code except} (null: any) is this member, or this external name and affiliation. */
    public boolean taken(UUID unitId, UUID memberId, String name, String affiliation, UUID except) {
        Where where = new Where().and("unitId = ?", unitId);
        if (memberId != null) {
            where.and("memberId = ?", memberId);
        } else {
            where.and("memberId is null and name = ? and coalesce(affiliation, '') = ?", name, affiliation == null ? "" : affiliation);
        }
        if (except != null) {
            where.and("id <> ?", except);
        }
        return count(where.hql(), where.args()) > 0;
    }

    /** The pools of a subtree that the scope sees, by name. */
    public List<Teacher> list(String path, Scope scope, TeacherKind kind, String specialty, Boolean active, PageRequest page) {
        Where where = filter(path, scope, kind, specialty, active);
        return find(where.hql() + " order by name, id", where.args()).page(page.page, page.size).list();
    }

    public long count(String path, Scope scope, TeacherKind kind, String specialty, Boolean active) {
        Where where = filter(path, scope, kind, specialty, active);
        return count(where.hql(), where.args());
    }

    private static Where filter(String path, Scope scope, TeacherKind kind, String specialty, Boolean active) {
        Where where = new Where().and("unitPath >= ? and unitPath < ?", path, Paths.upperBound(path)).and(scope.where("unitPath"));
        if (kind != null) {
            where.and("kind = ?", kind);
        }
        if (specialty != null) {
            where.and("array_contains(specialties, ?)", specialty);
        }
        if (active != null) {
            where.and("active = ?", active);
        }
        return where;
    }

    // The courses taught come with their program's name and the sessions held, counted per course in one statement over
    // the program package's tables: read-side SQL.

    public List<TeacherView.CourseTaught> coursesTaught(UUID teacherId) {
        return db.list("select c.id, c.title, p.id program_id, p.name, c.hours, (select count(*) from edu_session s where s.course_id = c.id) n"
                + " from edu_course c join edu_program p on p.id = c.program_id where c.teacher_id = ? order by p.starts_on desc, c.title",
                row -> new TeacherView.CourseTaught(Db.uuid(row, "id"), row.getString("title"),
                        Db.uuid(row, "program_id"), row.getString("name"), row.getBigDecimal("hours"),
                        row.getLong("n")), teacherId);
    }
}
