package org.community.org.education.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.org.persistence.Constraints;
import org.community.org.persistence.Locks;
import org.community.org.persistence.Where;
import org.community.org.security.Scope;
import org.community.org.tree.Paths;

/**
 * Programs and their plan (venues, courses, sessions) as entities; the program is the aggregate its plan's writes lock.
 * The views with their counts and names stay read-side SQL (see below).
 */
@ApplicationScoped
public class ProgramRepository implements PanacheRepositoryBase<Program, UUID> {

    /** A session with what attendance needs of its course: format and credits. */
    public record SessionRow(UUID id, UUID courseId, UUID programId, CourseFormat format, BigDecimal credits, Instant startsAt,
            Instant endsAt, LocalDate heldOn) {
    }

    @Inject
    Db db;

    public Optional<Program> find(UUID id) {
        return findByIdOptional(id);
    }

    /** Locks the program row: status changes and the writes that depend on the status queue behind each other. */
    public Optional<Program> lock(UUID id) {
        return Locks.forUpdate(getEntityManager(), Program.class, id);
    }

    /** Adds the program unless the unit has one of this name (false then; a racing second one breaks the unique index on flush). */
    public boolean insert(Program p) {
        if (nameTaken(p.unitId(), p.name(), null)) {
            return false;
        }
        persist(p);
        return Constraints.flushed(this::flush, "edu_program_name");
    }

    /**
     * Writes a changed program now; false when another program of the unit took the name meanwhile. Check
     * {@link #nameTaken} before changing it: a query on a changed entity flushes it first.
     */
    public boolean update(Program p) {
        return Constraints.flushed(this::flush, "edu_program_name");
    }

    /** Whether a program of the unit other than {@code except} (null: any) has this name. */
    public boolean nameTaken(UUID unitId, String name, UUID except) {
        return except == null ? count("unitId = ?1 and name = ?2", unitId, name) > 0
                : count("unitId = ?1 and name = ?2 and id <> ?3", unitId, name, except) > 0;
    }

    /** Programs of the subtree (the root's own included) that the scope sees, newest first. */
    public List<Program> list(String path, Scope scope, ProgramStatus status, PageRequest page) {
        Where where = filter(path, scope, status);
        return find(where.hql() + " order by startsOn desc, id", where.args()).page(page.page, page.size).list();
    }

    public long count(String path, Scope scope, ProgramStatus status) {
        Where where = filter(path, scope, status);
        return count(where.hql(), where.args());
    }

    private static Where filter(String path, Scope scope, ProgramStatus status) {
        Where where = new Where().and("unitPath >= ? and unitPath < ?", path, Paths.upperBound(path)).and(scope.where("unitPath"));
        if (status != null) {
            where.and("status = ?", status);
        }
        return where;
    }

    // ---- venues ----

    /** Adds the venue unless the program has one of this name (false then; a racing second one breaks the unique index on flush). */
    public boolean insertVenue(Venue v) {
        EntityManager em = getEntityManager();
        if (em.createQuery("select count(*) from Venue where programId = ?1 and name = ?2", Long.class).setParameter(1, v.programId())
                .setParameter(2, v.name()).getSingleResult() > 0) {
            return false;
        }
        em.persist(v);
        return Constraints.flushed(em::flush, "edu_venue_name");
    }

    public List<ProgramViews.Venue> venues(UUID programId) {
        return getEntityManager().createQuery("from Venue where programId = ?1 order by kind, name", Venue.class).setParameter(1, programId)
                .getResultStream().map(Venue::view).toList();
    }

    public Optional<ProgramViews.Venue> venue(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Venue.class, id)).map(Venue::view);
    }

    public List<Venue> venueRows(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("from Venue where id in ?1", Venue.class).setParameter(1, ids).getResultList();
    }

    // ---- courses ----

    /** Adds the course unless the program has one of this title (false then; a racing second one breaks the unique index on flush). */
    public boolean insertCourse(Course c) {
        if (titleTaken(c.programId(), c.title(), null)) {
            return false;
        }
        getEntityManager().persist(c);
        return Constraints.flushed(this::flush, "edu_course_title");
    }

    /**
     * Writes a changed course now; false when another course of the program took the title meanwhile. Check
     * {@link #titleTaken} before changing it.
     */
    public boolean updateCourse(Course c) {
        return Constraints.flushed(this::flush, "edu_course_title");
    }

    /** Whether a course of the program other than {@code except} (null: any) has this title. */
    public boolean titleTaken(UUID programId, String title, UUID except) {
        Where where = new Where().and("programId = ? and title = ?", programId, title);
        if (except != null) {
            where.and("id <> ?", except);
        }
        TypedQuery<Long> query = getEntityManager().createQuery("select count(*) from Course where " + where.hql(), Long.class);
        bind(query, where);
        return query.getSingleResult() > 0;
    }

    private static void bind(TypedQuery<?> query, Where where) {
        Object[] args = where.args();
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 1, args[i]);
        }
    }

    public Optional<Course> course(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Course.class, id));
    }

    public Optional<Course> lockCourse(UUID id) {
        return Locks.forUpdate(getEntityManager(), Course.class, id);
    }

    public boolean courseHasSessions(UUID courseId) {
        return getEntityManager().createQuery("select count(*) from Session where courseId = ?1", Long.class).setParameter(1, courseId)
                .getSingleResult() > 0;
    }

    // ---- sessions ----

    public void insertSession(Session s) {
        getEntityManager().persist(s);
    }

    public Optional<SessionRow> session(UUID id) {
        return getEntityManager().createQuery("select s.id, s.courseId, s.programId, c.format, c.credits,"
                + " s.startsAt, s.endsAt, s.heldOn from Session s join Course c on c.id = s.courseId"
                + " where s.id = ?1", SessionRow.class).setParameter(1, id).getResultStream().findFirst();
    }

    /** The venues of a session (empty for an online one). */
    public List<Venue> sessionVenues(UUID sessionId) {
        return getEntityManager().createQuery("from Venue v where v.id in (select vid from Session s join s.venueIds vid where s.id = ?1)"
                + " order by v.kind, v.name", Venue.class).setParameter(1, sessionId).getResultList();
    }

    // The views below read a program's counts, a course's teacher name and a session's attendance per venue, each with
    // its counts in one statement over tables of other packages (enrolment, attendance): read-side SQL, not the aggregates.

    public ProgramViews.ProgramView view(Program p) {
        return db.one("select (select count(*) from edu_course where program_id = ?), (select count(*) from edu_session where program_id = ?),"
                + " (select count(*) from edu_enrolment where program_id = ?)",
                row -> ProgramViews.ProgramView.of(p, row.getLong(1), row.getLong(2), row.getLong(3)), p.id(), p.id(), p.id()).orElseThrow();
    }

    private static final String COURSE_VIEW = "select c.*, t.name teacher_name, (select count(*) from edu_session s where s.course_id = c.id) n"
            + " from edu_course c join edu_teacher t on t.id = c.teacher_id ";

    public Optional<ProgramViews.Course> courseView(UUID id) {
        return db.one(COURSE_VIEW + "where c.id = ?", ProgramRepository::courseView, id);
    }

    public List<ProgramViews.Course> courses(UUID programId, PageRequest page) {
        return db.list(COURSE_VIEW + "where c.program_id = ? order by c.theme nulls last, c.title limit ? offset ?", ProgramRepository::courseView,
                programId, page.size, page.offset());
    }

    public long countCourses(UUID programId) {
        return getEntityManager().createQuery("select count(*) from Course where programId = ?1", Long.class).setParameter(1, programId)
                .getSingleResult();
    }

    private static ProgramViews.Course courseView(java.sql.ResultSet row) throws java.sql.SQLException {
        return new ProgramViews.Course(Db.uuid(row, "id"), Db.uuid(row, "program_id"), row.getString("title"), row.getString("theme"),
                Db.uuid(row, "teacher_id"), row.getString("teacher_name"), row.getBigDecimal("hours"), row.getBigDecimal("credits"),
                Db.enumValue(row, "format", CourseFormat.class), row.getString("description"), row.getLong("n"), row.getLong("version"));
    }

    private static final String SESSION_VIEW = "select s.*, c.title, c.format, t.name teacher_name,"
            + " (select count(*) from edu_attendance a where a.session_id = s.id) attended,"
            + " (select count(*) from edu_attendance a where a.session_id = s.id and a.venue_id is null) online"
            + " from edu_session s join edu_course c on c.id = s.course_id join edu_teacher t on t.id = c.teacher_id ";

    public Optional<ProgramViews.Session> sessionView(UUID id) {
        List<ProgramViews.SessionVenue> venues = db.list(SESSION_VENUES + "where sv.session_id = ? order by v.kind, v.name",
                ProgramRepository::sessionVenue, id);
        return db.one(SESSION_VIEW + "where s.id = ?", row -> sessionView(row, venues), id);
    }

    /** Sessions of a program, by start time; of one course when {@code courseId} is set; with their venues, read for the whole page at once. */
    public List<ProgramViews.Session> sessions(UUID programId, UUID courseId, LocalDate from, LocalDate to, PageRequest page) {
        List<ProgramViews.Session> sessions = db.list(SESSION_VIEW + SESSION_FILTER + " order by s.starts_at, s.id limit ? offset ?",
                row -> sessionView(row, List.of()), programId, courseId, courseId, from, from, to, to, page.size, page.offset());
        if (sessions.isEmpty()) {
            return sessions;
        }
        java.util.Map<UUID, List<ProgramViews.SessionVenue>> venues = db.list(SESSION_VENUES + "where sv.session_id = any (?) order by v.kind, v.name",
                row -> java.util.Map.entry(Db.uuid(row, "session_id"), sessionVenue(row)),
                (Object) sessions.stream().map(ProgramViews.Session::id).toArray(UUID[]::new)).stream()
                .collect(java.util.stream.Collectors.groupingBy(java.util.Map.Entry::getKey,
                        java.util.stream.Collectors.mapping(java.util.Map.Entry::getValue, java.util.stream.Collectors.toList())));
        return sessions.stream().map(x -> new ProgramViews.Session(x.id(), x.courseId(), x.courseTitle(), x.programId(), x.format(),
                x.teacherName(), x.startsAt(), x.endsAt(), x.heldOn(), venues.getOrDefault(x.id(), List.of()), x.attendedOnline(),
                x.attended())).toList();
    }

    public long countSessions(UUID programId, UUID courseId, LocalDate from, LocalDate to) {
        Where where = new Where().and("programId = ?", programId);
        if (courseId != null) {
            where.and("courseId = ?", courseId);
        }
        if (from != null) {
            where.and("heldOn >= ?", from);
        }
        if (to != null) {
            where.and("heldOn <= ?", to);
        }
        TypedQuery<Long> query = getEntityManager().createQuery("select count(*) from Session where " + where.hql(), Long.class);
        bind(query, where);
        return query.getSingleResult();
    }

    private static final String SESSION_FILTER = " where s.program_id = ? and (?::uuid is null or s.course_id = ?)"
            + " and (?::date is null or s.held_on >= ?) and (?::date is null or s.held_on <= ?)";

    private static final String SESSION_VENUES = "select sv.session_id, v.id, v.name, v.kind, (select count(*) from edu_attendance a"
            + " where a.session_id = sv.session_id and a.venue_id = v.id) n from edu_session_venue sv join edu_venue v on v.id = sv.venue_id ";

    private static ProgramViews.SessionVenue sessionVenue(java.sql.ResultSet row) throws java.sql.SQLException {
        return new ProgramViews.SessionVenue(Db.uuid(row, "id"), row.getString("name"), Db.enumValue(row, "kind", VenueKind.class), row.getLong("n"));
    }

    private static ProgramViews.Session sessionView(java.sql.ResultSet row, List<ProgramViews.SessionVenue> venues) throws java.sql.SQLException {
        return new ProgramViews.Session(Db.uuid(row, "id"), Db.uuid(row, "course_id"), row.getString("title"), Db.uuid(row, "program_id"),
                Db.enumValue(row, "format", CourseFormat.class), row.getString("teacher_name"), Times.local(Db.instant(row, "starts_at")),
                Times.local(Db.instant(row, "ends_at")), Db.date(row, "held_on"), venues, row.getLong("online"), row.getLong("attended"));
    }
}
