package org.community.org.education.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.tree.Paths;

/** SQL of the education reports. Subtrees are ranges on member.path or org_unit.path. */
@ApplicationScoped
public class ReportRepository {

    @Inject
    Db db;

    /**
     * Person-times of the members of a subtree: one range of the index member (path, name), then each member's
     * attendance in the period from edu_attendance (member_id, held_on). Counted where the member belongs now.
     */
    static final String PERSON_TIMES = "from member m join edu_attendance a on a.member_id = m.id"
            + " where m.path >= ? and m.path < ? and a.held_on >= ? and a.held_on <= ? and (?::uuid is null or a.program_id = ?)";

    public long[] personTimes(String path, LocalDate from, LocalDate to, UUID programId) {
        return db.one("select count(*), count(distinct a.member_id), count(distinct a.session_id) " + PERSON_TIMES,
                row -> new long[] { row.getLong(1), row.getLong(2), row.getLong(3) }, path, Paths.upperBound(path), from, to, programId, programId)
                .orElseThrow();
    }

    public List<ReportViews.MonthLine> personTimesByMonth(String path, LocalDate from, LocalDate to, UUID programId) {
        return db.list("select to_char(a.held_on, 'YYYY-MM') mon, count(*), count(distinct a.member_id) " + PERSON_TIMES
                + " group by 1 order by 1", row -> new ReportViews.MonthLine(row.getString(1), row.getLong(2), row.getLong(3)),
                path, Paths.upperBound(path), from, to, programId, programId);
    }

    private static final String TRAINEE_CREDITS = """
            with t as (
              select split_part(substr(m.path, length(?) + 1), '/', 1) child,
                     coalesce((select sum(c.credits) from edu_credit c where c.member_id = e.member_id and c.program_id = e.program_id), 0) credits
              from edu_enrolment e join member m on m.id = e.member_id
              where e.program_id = ? and m.path >= ? and m.path < ?)
            """;

    public long[] completion(UUID programId, String path, BigDecimal required) {
        return db.one(TRAINEE_CREDITS + "select count(*), count(*) filter (where credits >= ?) from t",
                row -> new long[] { row.getLong(1), row.getLong(2) }, path, programId, path, Paths.upperBound(path), required).orElseThrow();
    }

    /** Per unit directly below the root; the root's own members under the root. */
    public List<ReportViews.UnitCompletion> completionByUnit(UUID programId, String path, BigDecimal required) {
        return db.list(TRAINEE_CREDITS + "select u.id, u.name, count(*) n, count(*) filter (where t.credits >= ?) done from t"
                + " join org_unit u on u.path = case when t.child = '' then ? else ? || t.child || '/' end"
                + " group by u.id, u.name, u.path order by u.path",
                row -> new ReportViews.UnitCompletion(Db.uuid(row, "id"), row.getString("name"), row.getLong("n"), row.getLong("done"),
                        rate(row.getLong("done"), row.getLong("n"))),
                path, programId, path, Paths.upperBound(path), required, path, path);
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static final String LOADS = " from edu_session s join edu_course c on c.id = s.course_id join edu_teacher t on t.id = c.teacher_id"
            + " join edu_program p on p.id = s.program_id join org_unit u on u.id = p.unit_id"
            + " where u.path >= ? and u.path < ? and s.held_on >= ? and s.held_on <= ?";

    public List<ReportViews.TeacherLoad> teacherLoads(String path, LocalDate from, LocalDate to, PageRequest page) {
        return db.list("select t.id, t.name, t.kind, t.affiliation, count(distinct c.id) courses, count(*) sessions, sum(c.hours) hours,"
                + " sum((select count(*) from edu_attendance a where a.session_id = s.id)) person_times" + LOADS
                + " group by t.id, t.name, t.kind, t.affiliation order by hours desc, t.name, t.id limit ? offset ?",
                row -> new ReportViews.TeacherLoad(Db.uuid(row, "id"), row.getString("name"),
                        Db.enumValue(row, "kind", org.community.org.education.teacher.TeacherKind.class), row.getString("affiliation"),
                        row.getLong("courses"), row.getLong("sessions"), row.getBigDecimal("hours"), row.getLong("person_times")),
                path, Paths.upperBound(path), from, to, page.size, page.offset());
    }

    public long countTeacherLoads(String path, LocalDate from, LocalDate to) {
        return db.count("select count(distinct t.id)" + LOADS, path, Paths.upperBound(path), from, to);
    }
}
