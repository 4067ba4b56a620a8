package org.community.org.education.ranking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;

/**
 * Deliberate SQL: the ranking is one aggregate statement (credits summed per trainee and month, ranked both ways with
 * window functions) over a program's enrolment, where entities would load every credit row they sum. The monthly ranking of a program's trainees by the credits they earned in the month (edu_credit.earned_on), with
 * two ranks: from the top (excellent) and from the bottom (reminder talks); ties share a place.
 */
@ApplicationScoped
public class RankingRepository {

    /** The places and thresholds of the rule for one ranking. */
    public record Cut(int excellentPlaces, BigDecimal excellentMin, int bottomPlaces, BigDecimal bottomMax) {
    }

    @Inject
    Db db;

    private static final String RANKED = """
            with t as (
              select e.member_id, m.name, m.path, m.unit_id, u.name unit_name,
                     coalesce(sum(c.credits) filter (where c.earned_on >= ? and c.earned_on < ?), 0) month_credits,
                     coalesce(sum(c.credits) filter (where c.earned_on < ?), 0) total_credits
              from edu_enrolment e join member m on m.id = e.member_id join org_unit u on u.id = m.unit_id
                left join edu_credit c on c.member_id = e.member_id and c.program_id = e.program_id
              where e.program_id = ?
              group by e.member_id, m.name, m.path, m.unit_id, u.name),
            r as (
              select t.*, rank() over (order by month_credits desc) rk, rank() over (order by month_credits asc) rrk from t),
            f as (
              select r.*, (rk <= ? and month_credits >= ?) excellent, (rrk <= ? and month_credits <= ?) bottom from r)
            select f.*, rt.id talk_id, rt.talked_by, rt.talked_on, rt.notes, rt.recorded_by, rt.created_at talk_at
            from f left join edu_reminder_talk rt on rt.program_id = ? and rt.month = ? and rt.member_id = f.member_id
            """;

    public long countTrainees(UUID programId) {
        return db.count("select count(*) from edu_enrolment where program_id = ?", programId);
    }

    /** One page of the ranking; {@code which}: null for all, "excellent" or "bottom" for those lines only. */
    public List<RankingViews.Line> lines(UUID programId, YearMonth month, Cut cut, String which, UUID memberId, PageRequest page) {
        String where = which == null ? "" : " where " + which;
        if (memberId != null) {
            where = " where f.member_id = ?";
        }
        List<Object> args = new java.util.ArrayList<>(args(programId, month, cut));
        if (memberId != null) {
            args.add(memberId);
        }
        args.add(page.size);
        args.add(page.offset());
        return db.list(RANKED + where + " order by rk, total_credits desc, path, name, member_id limit ? offset ?",
                row -> line(row, programId, month), args.toArray());
    }

    public long count(UUID programId, YearMonth month, Cut cut, String which) {
        return db.count("select count(*) from (" + RANKED + (which == null ? "" : " where " + which) + ") x", args(programId, month, cut).toArray());
    }

    private static List<Object> args(UUID programId, YearMonth month, Cut cut) {
        LocalDate start = month.atDay(1);
        LocalDate end = month.plusMonths(1).atDay(1);
        return List.of(start, end, end, programId, cut.excellentPlaces(), cut.excellentMin(), cut.bottomPlaces(), cut.bottomMax(), programId,
                start);
    }

    private static RankingViews.Line line(java.sql.ResultSet row, UUID programId, YearMonth month) throws java.sql.SQLException {
        UUID talkId = Db.uuid(row, "talk_id");
        RankingViews.ReminderTalk talk = talkId == null ? null : new RankingViews.ReminderTalk(talkId, programId, Db.uuid(row, "member_id"),
                row.getString("name"), month.toString(), row.getString("talked_by"), Db.date(row, "talked_on"), row.getString("notes"),
                row.getString("recorded_by"), Times.local(Db.instant(row, "talk_at")));
        return new RankingViews.Line(row.getInt("rk"), Db.uuid(row, "member_id"), row.getString("name"), Db.uuid(row, "unit_id"),
                row.getString("unit_name"), row.getBigDecimal("month_credits"), row.getBigDecimal("total_credits"), row.getBoolean("excellent"),
                row.getBoolean("bottom"), talk);
    }
}
