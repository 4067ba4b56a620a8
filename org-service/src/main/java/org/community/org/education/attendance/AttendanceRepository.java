package org.community.org.education.attendance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.org.tree.Paths;

/**
 * Enrolment, sign-in codes (entities), attendance and study credits. Deliberate SQL: enrolment and attendance are
 * written for many members in one statement (a whole subtree, a clerk's batch) with {@code on conflict do nothing} on
 * their primary keys, so a second sign-in, a retry or a racing second clerk adds nothing and fails nothing; each new
 * attendance row adds its course's credits to {@code edu_credit} in one upsert that keeps the earliest date, which
 * entities could only do by reading every row first and racing the other writers.
 */
@ApplicationScoped
public class AttendanceRepository {

    private static final String NOT_LEFT = "status not in ('TRANSFERRED_OUT', 'DECEASED', 'REMOVED')";

    /** A member as attendance checks need them: the path for scope, whether they are enrolled in the program. */
    public record Candidate(UUID id, String name, String path, boolean enrolled) {
    }

    @Inject
    Db db;

    @Inject
    EntityManager em;

    // ---- enrolment ----

    /** Of these ids, the members of the subtree who have not left. */
    public List<UUID> eligible(List<UUID> memberIds, String path) {
        return db.list("select id from member where id = any(?) and path >= ? and path < ? and " + NOT_LEFT, row -> Db.uuid(row, "id"),
                memberIds.toArray(UUID[]::new), path, Paths.upperBound(path));
    }

    /** Enrols these members; answers how many were new. */
    public long enrol(UUID programId, List<UUID> memberIds, Instant now) {
        return db.update("insert into edu_enrolment (program_id, member_id, enrolled_at) select ?, unnest(?::uuid[]), ?"
                + " on conflict do nothing", programId, memberIds.toArray(UUID[]::new), now);
    }

    /** Enrols every party member (full, probationary) of the subtree; answers how many were new and how many there are. */
    public long[] enrolSubtree(UUID programId, String path, Instant now) {
        long all = db.count("select count(*) from member where path >= ? and path < ? and status in ('FULL', 'PROBATIONARY')", path,
                Paths.upperBound(path));
        long added = db.update("insert into edu_enrolment (program_id, member_id, enrolled_at) select ?, id, ? from member"
                + " where path >= ? and path < ? and status in ('FULL', 'PROBATIONARY') on conflict do nothing", programId, now, path,
                Paths.upperBound(path));
        return new long[] { added, all };
    }

    /** The members of these ids with their path and whether they are enrolled; members who left are not candidates. */
    public List<Candidate> candidates(UUID programId, List<UUID> memberIds) {
        return db.list("select m.id, m.name, m.path, exists (select 1 from edu_enrolment e where e.program_id = ? and e.member_id = m.id) enrolled"
                + " from member m where m.id = any(?) and m." + NOT_LEFT,
                row -> new Candidate(Db.uuid(row, "id"), row.getString("name"), row.getString("path"), row.getBoolean("enrolled")),
                programId, memberIds.toArray(UUID[]::new));
    }

    private static final String TRAINEES = " from edu_enrolment e join member m on m.id = e.member_id join org_unit u on u.id = m.unit_id"
            + " left join lateral (select coalesce(sum(c.credits), 0) credits, count(*) courses from edu_credit c"
            + " where c.member_id = e.member_id and c.program_id = e.program_id) cr on true"
            + " where e.program_id = ? and m.path >= ? and m.path < ?";

    /** Enrolled members of a subtree with their credits, most credits first. */
    public List<AttendanceViews.Trainee> trainees(UUID programId, BigDecimal required, String path, PageRequest page) {
        return db.list("select m.id, m.name, m.unit_id, u.name unit_name, cr.credits, cr.courses,"
                + " (select count(*) from edu_attendance a where a.program_id = e.program_id and a.member_id = e.member_id) sessions"
                + TRAINEES + " order by cr.credits desc, m.path, m.name, m.id limit ? offset ?",
                row -> new AttendanceViews.Trainee(Db.uuid(row, "id"), row.getString("name"), Db.uuid(row, "unit_id"), row.getString("unit_name"),
                        row.getBigDecimal("credits"), row.getLong("courses"), row.getLong("sessions"),
                        row.getBigDecimal("credits").compareTo(required) >= 0),
                programId, path, Paths.upperBound(path), page.size, page.offset());
    }

    public long countTrainees(UUID programId, String path) {
        return db.count("select count(*) from edu_enrolment e join member m on m.id = e.member_id where e.program_id = ?"
                + " and m.path >= ? and m.path < ?", programId, path, Paths.upperBound(path));
    }

    // ---- sign-in codes ----

    /** Writes the code now: what follows in the transaction (the audit entry) is raw SQL. */
    public void insertCode(SignInCode code) {
        em.persist(code);
        em.flush();
    }

    /** Whether a code of the session is live at {@code now} (a new code must not be one that still works). */
    public boolean codeLive(UUID sessionId, String code, Instant now) {
        return em.createQuery("select count(*) from SignInCode where sessionId = ?1 and code = ?2 and expiresAt > ?3", Long.class)
                .setParameter(1, sessionId).setParameter(2, code).setParameter(3, now).getSingleResult() > 0;
    }

    /** The latest code of the session with this value, live or expired. */
    public Optional<SignInCode> code(UUID sessionId, String code) {
        return em.createQuery("from SignInCode where sessionId = ?1 and code = ?2 order by issuedAt desc", SignInCode.class)
                .setParameter(1, sessionId).setParameter(2, code).setMaxResults(1).getResultStream().findFirst();
    }

    // ---- attendance and credits ----

    /** The session as attendance copies it onto its rows. */
    public record SessionFacts(UUID sessionId, UUID programId, UUID courseId, LocalDate heldOn, BigDecimal credits) {
    }

    /** One attendance; false when the member is recorded at the session already. */
    public boolean record(SessionFacts s, UUID memberId, UUID venueId, AttendanceMethod method, String by, Instant now) {
        return recordAll(s, List.of(memberId), venueId, method, by, now) == 1;
    }

    /** Attendance of these members in one statement; answers how many were new (the others were recorded already). */
    public long recordAll(SessionFacts s, List<UUID> memberIds, UUID venueId, AttendanceMethod method, String by, Instant now) {
        List<UUID> added = db.list("insert into edu_attendance (session_id, member_id, program_id, course_id, venue_id, held_on, method,"
                + " recorded_by, recorded_at) select ?, unnest(?::uuid[]), ?, ?, ?, ?, ?, ?, ? on conflict do nothing returning member_id",
                row -> Db.uuid(row, "member_id"), s.sessionId(), memberIds.toArray(UUID[]::new), s.programId(), s.courseId(), venueId, s.heldOn(),
                method, by, now);
        if (!added.isEmpty()) {
            // the course's credits once per member: a later attendance of an earlier session moves the date back
            db.update("insert into edu_credit (member_id, course_id, program_id, credits, earned_on) select unnest(?::uuid[]), ?, ?, ?, ?"
                    + " on conflict (member_id, course_id) do update set earned_on = least(edu_credit.earned_on, excluded.earned_on)",
                    added.toArray(UUID[]::new), s.courseId(), s.programId(), s.credits(), s.heldOn());
        }
        return added.size();
    }

    private static final String ATTENDANCE = "select a.*, m.name, u.name unit_name, v.name venue_name from edu_attendance a"
            + " join member m on m.id = a.member_id join org_unit u on u.id = m.unit_id left join edu_venue v on v.id = a.venue_id ";

    public List<AttendanceViews.Attendance> attendance(UUID sessionId, UUID venueId, PageRequest page) {
        return db.list(ATTENDANCE + "where a.session_id = ? and (?::uuid is null or a.venue_id = ?) order by m.path, m.name, m.id limit ? offset ?",
                AttendanceRepository::attendanceLine, sessionId, venueId, venueId, page.size, page.offset());
    }

    public Optional<AttendanceViews.Attendance> one(UUID sessionId, UUID memberId) {
        return db.one(ATTENDANCE + "where a.session_id = ? and a.member_id = ?", AttendanceRepository::attendanceLine, sessionId, memberId);
    }

    private static AttendanceViews.Attendance attendanceLine(java.sql.ResultSet row) throws java.sql.SQLException {
        return new AttendanceViews.Attendance(Db.uuid(row, "session_id"), Db.uuid(row, "member_id"), row.getString("name"),
                row.getString("unit_name"), Db.uuid(row, "venue_id"), row.getString("venue_name"),
                Db.enumValue(row, "method", AttendanceMethod.class), Times.local(Db.instant(row, "recorded_at")));
    }

    public long countAttendance(UUID sessionId, UUID venueId) {
        return db.count("select count(*) from edu_attendance a where a.session_id = ? and (?::uuid is null or a.venue_id = ?)", sessionId,
                venueId, venueId);
    }

    /** A member's credits per program, newest program first: the study part of the growth record. */
    public List<AttendanceViews.ProgramCredits> programCredits(UUID memberId) {
        return db.list("select p.id, p.name, u.name unit_name, p.starts_on, p.ends_on, p.required_credits,"
                + " coalesce((select sum(c.credits) from edu_credit c where c.member_id = e.member_id and c.program_id = p.id), 0) credits,"
                + " (select count(*) from edu_credit c where c.member_id = e.member_id and c.program_id = p.id) courses,"
                + " (select count(*) from edu_attendance a where a.member_id = e.member_id and a.program_id = p.id) sessions"
                + " from edu_enrolment e join edu_program p on p.id = e.program_id join org_unit u on u.id = p.unit_id"
                + " where e.member_id = ? order by p.starts_on desc, p.id",
                row -> new AttendanceViews.ProgramCredits(Db.uuid(row, "id"), row.getString("name"), row.getString("unit_name"),
                        Db.date(row, "starts_on"), Db.date(row, "ends_on"), row.getBigDecimal("credits"), row.getBigDecimal("required_credits"),
                        row.getLong("courses"), row.getLong("sessions"),
                        row.getBigDecimal("credits").compareTo(row.getBigDecimal("required_credits")) >= 0),
                memberId);
    }
}
