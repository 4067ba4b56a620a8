package org.community.org.education.program;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.org.security.Scope;
import org.community.org.tree.Paths;

/** SQL of programs and their plan: venues, courses, sessions. A program's scope is its unit's path, read by a join. */
@ApplicationScoped
public class ProgramRepository {

    /** A course as stored. */
    public record CourseRow(UUID id, UUID programId, String title, String theme, UUID teacherId, BigDecimal hours, BigDecimal credits,
            CourseFormat format, String description, long version) {
    }

    /** A session as stored, with its course's program, format and credits. */
    public record SessionRow(UUID id, UUID courseId, UUID programId, CourseFormat format, BigDecimal credits, Instant startsAt,
            Instant endsAt, LocalDate heldOn) {
    }

    /** A venue as stored, with its host unit's path (null without a host). */
    public record VenueRow(UUID id, UUID programId, String name, VenueKind kind, UUID hostUnitId, String hostPath) {
    }

    @Inject
    Db db;

    public Optional<Program> find(UUID id) {
        return db.one(Program.SELECT + "where p.id = ?", Program::map, id);
    }

    /** Locks the program row: status changes and the writes that depend on the status queue behind each other. */
    public Optional<Program> lock(UUID id) {
        return db.one(Program.SELECT + "where p.id = ? for update of p", Program::map, id);
    }

    public boolean insert(UUID id, UUID unitId, ProgramInput in, Instant now) {
        return db.update("insert into edu_program (id, unit_id, name, description, starts_on, ends_on, required_credits, status, version,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) on conflict (unit_id, name) do nothing",
                id, unitId, in.name().trim(), in.description(), in.startsOn(), in.endsOn(), in.requiredCredits(), ProgramStatus.PLANNED,
                now, now) == 1;
    }

    /** False when another program of the unit has the name. */
    public boolean update(UUID id, ProgramInput in, Instant now) {
        if (db.count("select count(*) from edu_program where unit_id = (select unit_id from edu_program where id = ?) and name = ? and id <> ?",
                id, in.name().trim(), id) > 0) {
            return false;
        }
        db.update("update edu_program set name = ?, description = ?, starts_on = ?, ends_on = ?, required_credits = ?, version = version + 1,"
                + " updated_at = ? where id = ?", in.name().trim(), in.description(), in.startsOn(), in.endsOn(), in.requiredCredits(), now, id);
        return true;
    }

    public void setStatus(UUID id, ProgramStatus status, Instant now) {
        db.update("update edu_program set status = ?, version = version + 1, updated_at = ? where id = ?", status, now, id);
    }

    public ProgramViews.ProgramView view(Program p) {
        return db.one("select (select count(*) from edu_course where program_id = ?), (select count(*) from edu_session where program_id = ?),"
                + " (select count(*) from edu_enrolment where program_id = ?)",
                row -> ProgramViews.ProgramView.of(p, row.getLong(1), row.getLong(2), row.getLong(3)), p.id(), p.id(), p.id()).orElseThrow();
    }

    private static final String PROGRAM_FILTER = " where u.path >= ? and u.path < ? and %s and (?::text is null or p.status = ?)";

    /** Programs of the subtree (the root's own included) that the scope sees, newest first. */
    public List<Program> list(String path, Scope scope, ProgramStatus status, PageRequest page) {
        List<Object> args = filterArgs(path, scope, status);
        args.add(page.size);
        args.add(page.offset());
        return db.list(Program.SELECT + filter(scope) + " order by p.starts_on desc, p.id limit ? offset ?", Program::map, args.toArray());
    }

    public long count(String path, Scope scope, ProgramStatus status) {
        return db.count("select count(*) from edu_program p join org_unit u on u.id = p.unit_id" + filter(scope),
                filterArgs(path, scope, status).toArray());
    }

    private static String filter(Scope scope) {
        return PROGRAM_FILTER.formatted(scope.where("u.path").sql());
    }

    private static List<Object> filterArgs(String path, Scope scope, ProgramStatus status) {
        List<Object> args = new ArrayList<>(List.of(path, Paths.upperBound(path)));
        args.addAll(scope.where("u.path").args());
        args.add(status);
        args.add(status);
        return args;
    }

    // ---- venues ----

    public boolean insertVenue(UUID id, UUID programId, VenueInput in, Instant now) {
        return db.update("insert into edu_venue (id, program_id, name, kind, host_unit_id, address, capacity, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (program_id, name) do nothing",
                id, programId, in.name().trim(), in.kind(), in.hostUnitId(), in.address(), in.capacity(), now) == 1;
    }

    private static final String VENUE = "select v.*, h.name host_name, h.path host_path from edu_venue v left join org_unit h on h.id = v.host_unit_id ";

    public List<ProgramViews.Venue> venues(UUID programId) {
        return db.list(VENUE + "where v.program_id = ? order by v.kind, v.name", ProgramRepository::venueView, programId);
    }

    public Optional<ProgramViews.Venue> venue(UUID id) {
        return db.one(VENUE + "where v.id = ?", ProgramRepository::venueView, id);
    }

    public List<VenueRow> venueRows(List<UUID> ids) {
        return db.list(VENUE + "where v.id = any(?)", row -> new VenueRow(Db.uuid(row, "id"), Db.uuid(row, "program_id"), row.getString("name"),
                Db.enumValue(row, "kind", VenueKind.class), Db.uuid(row, "host_unit_id"), row.getString("host_path")),
                (Object) ids.toArray(UUID[]::new));
    }

    private static ProgramViews.Venue venueView(java.sql.ResultSet row) throws java.sql.SQLException {
        return new ProgramViews.Venue(Db.uuid(row, "id"), Db.uuid(row, "program_id"), row.getString("name"),
                Db.enumValue(row, "kind", VenueKind.class), Db.uuid(row, "host_unit_id"), row.getString("host_name"), row.getString("address"),
                (Integer) row.getObject("capacity"));
    }

    // ---- courses ----

    public boolean insertCourse(UUID id, UUID programId, CourseInput in, Instant now) {
        return db.update("insert into edu_course (id, program_id, title, theme, teacher_id, hours, credits, format, description, version,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) on conflict (program_id, title) do nothing",
                id, programId, in.title().trim(), in.theme(), in.teacherId(), in.hours(), in.credits(), in.format(), in.description(), now,
                now) == 1;
    }

    /** False when another course of the program has the title. */
    public boolean updateCourse(CourseRow current, CourseInput in, Instant now) {
        if (db.count("select count(*) from edu_course where program_id = ? and title = ? and id <> ?", current.programId(), in.title().trim(),
                current.id()) > 0) {
            return false;
        }
        db.update("update edu_course set title = ?, theme = ?, teacher_id = ?, hours = ?, credits = ?, format = ?, description = ?,"
                + " version = version + 1, updated_at = ? where id = ?", in.title().trim(), in.theme(), in.teacherId(), in.hours(), in.credits(),
                in.format(), in.description(), now, current.id());
        return true;
    }

    public Optional<CourseRow> course(UUID id) {
        return db.one("select * from edu_course where id = ?", ProgramRepository::courseRow, id);
    }

    public Optional<CourseRow> lockCourse(UUID id) {
        return db.one("select * from edu_course where id = ? for update", ProgramRepository::courseRow, id);
    }

    private static CourseRow courseRow(java.sql.ResultSet row) throws java.sql.SQLException {
        return new CourseRow(Db.uuid(row, "id"), Db.uuid(row, "program_id"), row.getString("title"), row.getString("theme"),
                Db.uuid(row, "teacher_id"), row.getBigDecimal("hours"), row.getBigDecimal("credits"),
                Db.enumValue(row, "format", CourseFormat.class), row.getString("description"), row.getLong("version"));
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
        return db.count("select count(*) from edu_course where program_id = ?", programId);
    }

    private static ProgramViews.Course courseView(java.sql.ResultSet row) throws java.sql.SQLException {
        return new ProgramViews.Course(Db.uuid(row, "id"), Db.uuid(row, "program_id"), row.getString("title"), row.getString("theme"),
                Db.uuid(row, "teacher_id"), row.getString("teacher_name"), row.getBigDecimal("hours"), row.getBigDecimal("credits"),
                Db.enumValue(row, "format", CourseFormat.class), row.getString("description"), row.getLong("n"), row.getLong("version"));
    }

    public boolean courseHasSessions(UUID courseId) {
        return db.count("select count(*) from edu_session where course_id = ?", courseId) > 0;
    }

    // ---- sessions ----

    public void insertSession(UUID id, CourseRow course, Instant startsAt, Instant endsAt, List<UUID> venueIds, Instant now) {
        db.update("insert into edu_session (id, course_id, program_id, starts_at, ends_at, held_on, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                id, course.id(), course.programId(), startsAt, endsAt, startsAt.atZone(Times.ZONE).toLocalDate(), now);
        if (!venueIds.isEmpty()) {
            db.update("insert into edu_session_venue (session_id, venue_id) select ?, unnest(?::uuid[])", id,
                    (Object) venueIds.toArray(UUID[]::new));
        }
    }

    private static final String SESSION_ROW = "select s.*, c.format, c.credits from edu_session s join edu_course c on c.id = s.course_id ";

    public Optional<SessionRow> session(UUID id) {
        return db.one(SESSION_ROW + "where s.id = ?", ProgramRepository::sessionRow, id);
    }

    private static SessionRow sessionRow(java.sql.ResultSet row) throws java.sql.SQLException {
        return new SessionRow(Db.uuid(row, "id"), Db.uuid(row, "course_id"), Db.uuid(row, "program_id"),
                Db.enumValue(row, "format", CourseFormat.class), row.getBigDecimal("credits"), Db.instant(row, "starts_at"),
                Db.instant(row, "ends_at"), Db.date(row, "held_on"));
    }

    /** The venues of a session (empty for an online one). */
    public List<VenueRow> sessionVenues(UUID sessionId) {
        return db.list(VENUE + "join edu_session_venue sv on sv.venue_id = v.id where sv.session_id = ? order by v.kind, v.name",
                row -> new VenueRow(Db.uuid(row, "id"), Db.uuid(row, "program_id"), row.getString("name"),
                        Db.enumValue(row, "kind", VenueKind.class), Db.uuid(row, "host_unit_id"), row.getString("host_path")), sessionId);
    }

    private static final String SESSION_VIEW = "select s.*, c.title, c.format, t.name teacher_name,"
            + " (select count(*) from edu_attendance a where a.session_id = s.id) attended,"
            + " (select count(*) from edu_attendance a where a.session_id = s.id and a.venue_id is null) online"
            + " from edu_session s join edu_course c on c.id = s.course_id join edu_teacher t on t.id = c.teacher_id ";

    public Optional<ProgramViews.Session> sessionView(UUID id) {
        return db.one(SESSION_VIEW + "where s.id = ?", row -> sessionView(row, true), id);
    }

    /** Sessions of a program, by start time; of one course when {@code courseId} is set; venues are listed on the session itself. */
    public List<ProgramViews.Session> sessions(UUID programId, UUID courseId, LocalDate from, LocalDate to, PageRequest page) {
        return db.list(SESSION_VIEW + SESSION_FILTER + " order by s.starts_at, s.id limit ? offset ?", row -> sessionView(row, false),
                programId, courseId, courseId, from, from, to, to, page.size, page.offset());
    }

    public long countSessions(UUID programId, UUID courseId, LocalDate from, LocalDate to) {
        return db.count("select count(*) from edu_session s" + SESSION_FILTER, programId, courseId, courseId, from, from, to, to);
    }

    private static final String SESSION_FILTER = " where s.program_id = ? and (?::uuid is null or s.course_id = ?)"
            + " and (?::date is null or s.held_on >= ?) and (?::date is null or s.held_on <= ?)";

    private ProgramViews.Session sessionView(java.sql.ResultSet row, boolean withVenues) throws java.sql.SQLException {
        UUID id = Db.uuid(row, "id");
        List<ProgramViews.SessionVenue> venues = withVenues ? db.list("select v.id, v.name, v.kind, (select count(*) from edu_attendance a"
                + " where a.session_id = sv.session_id and a.venue_id = v.id) n from edu_session_venue sv join edu_venue v on v.id = sv.venue_id"
                + " where sv.session_id = ? order by v.kind, v.name", r -> new ProgramViews.SessionVenue(Db.uuid(r, "id"), r.getString("name"),
                        Db.enumValue(r, "kind", VenueKind.class), r.getLong("n")), id) : null;
        return new ProgramViews.Session(id, Db.uuid(row, "course_id"), row.getString("title"), Db.uuid(row, "program_id"),
                Db.enumValue(row, "format", CourseFormat.class), row.getString("teacher_name"), Times.local(Db.instant(row, "starts_at")),
                Times.local(Db.instant(row, "ends_at")), Db.date(row, "held_on"), venues, row.getLong("online"), row.getLong("attended"));
    }
}
