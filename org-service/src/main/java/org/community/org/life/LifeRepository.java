package org.community.org.life;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.member.Member;
import org.community.org.member.MemberStatus;
import org.community.org.member.MemberView;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.community.org.tree.Paths;

/**
 * Organization life: meetings with their attendance are entities. The lists and reports below stay SQL through
 * {@link Db}: they are aggregate reads (attendance counted per meeting, per unit and period, per member and year) over
 * subtree ranges of org_unit.path and member.path, one statement each where entities would load every row they count.
 */
@ApplicationScoped
public class LifeRepository implements PanacheRepositoryBase<Meeting, UUID> {

    private static final String NOT_LEFT = "status not in ('TRANSFERRED_OUT', 'DECEASED', 'REMOVED')";

    @Inject
    Db db;

    @Inject
    Caller caller;

    @Inject
    OrgUnitRepository units;

    public BigDecimal defaultCredits(MeetingType type) {
        MeetingKind kind = getEntityManager().find(MeetingKind.class, type.name());
        return kind == null ? BigDecimal.ONE : kind.creditHours();
    }

    /** Records a meeting with its attendance; pending, like every entity, until the transaction flushes. */
    public void insert(Meeting meeting) {
        persist(meeting);
    }

    /** Members of these ids that may be recorded at a meeting of the unit with this path: own members and registered mobile guests. */
    public List<UUID> eligible(List<UUID> memberIds, String unitPath) {
        return db.list("select m.id from member m where m.id = any(?) and m." + NOT_LEFT + " and ((m.path >= ? and m.path < ?)"
                + " or exists (select 1 from mobile_outflow o join org_unit s on s.id = o.station_unit_id where o.member_id = m.id"
                + " and o.returned_on is null and s.path >= ? and s.path < ?))", row -> Db.uuid(row, "id"),
                memberIds.toArray(UUID[]::new), unitPath, Paths.upperBound(unitPath), unitPath, Paths.upperBound(unitPath));
    }

    public Optional<LifeViews.Meeting> meeting(UUID id) {
        return findByIdOptional(id).map(meeting -> {
            OrgUnit unit = units.find(meeting.unitId()).orElseThrow();
            List<LifeViews.AttendanceLine> lines = getEntityManager().createQuery("select a.memberId, m.name, a.presence,"
                    + " case when m.path >= ?2 and m.path < ?3 then false else true end"
                    + " from Meeting mt join mt.attendance a join Member m on m.id = a.memberId where mt.id = ?1 order by m.path, m.name",
                    Object[].class).setParameter(1, id).setParameter(2, unit.path()).setParameter(3, Paths.upperBound(unit.path()))
                    .getResultStream()
                    .map(r -> new LifeViews.AttendanceLine((UUID) r[0], (String) r[1], (Presence) r[2], (Boolean) r[3])).toList();
            return new LifeViews.Meeting(meeting.id(), unit.id(), unit.name(), meeting.type(), meeting.heldOn(), meeting.topic(),
                    meeting.creditHours(), count(lines, Presence.PRESENT), count(lines, Presence.EXCUSED), count(lines, Presence.ABSENT),
                    lines);
        });
    }

    private static long count(List<LifeViews.AttendanceLine> lines, Presence presence) {
        return lines.stream().filter(l -> l.presence() == presence).count();
    }

    private static final String MEETING_FILTER = " from meeting mt join org_unit u on u.id = mt.unit_id where u.path >= ? and u.path < ?"
            + " and (?::text is null or mt.type = ?) and (?::date is null or mt.held_on >= ?) and (?::date is null or mt.held_on <= ?)";

    public List<LifeViews.Meeting> meetings(String path, MeetingType type, LocalDate from, LocalDate to, PageRequest page) {
        return db.list("select mt.*, u.name unit_name, (select count(*) filter (where a.status = 'PRESENT') from attendance a where a.meeting_id = mt.id) p,"
                + " (select count(*) filter (where a.status = 'EXCUSED') from attendance a where a.meeting_id = mt.id) e,"
                + " (select count(*) filter (where a.status = 'ABSENT') from attendance a where a.meeting_id = mt.id) ab"
                + MEETING_FILTER + " order by mt.held_on desc, mt.id limit ? offset ?",
                row -> new LifeViews.Meeting(Db.uuid(row, "id"), Db.uuid(row, "unit_id"), row.getString("unit_name"),
                        Db.enumValue(row, "type", MeetingType.class), Db.date(row, "held_on"), row.getString("topic"),
                        row.getBigDecimal("credit_hours"), row.getLong("p"), row.getLong("e"), row.getLong("ab"), null),
                path, Paths.upperBound(path), type, type, from, from, to, to, page.size, page.offset());
    }

    public long countMeetings(String path, MeetingType type, LocalDate from, LocalDate to) {
        return db.count("select count(*)" + MEETING_FILTER, path, Paths.upperBound(path), type, type, from, from, to, to);
    }

    public List<LifeViews.Rule> rules() {
        return db.list("select meeting_type, form, period_months, min_count from life_rule order by form, meeting_type",
                row -> new LifeViews.Rule(Db.enumValue(row, "meeting_type", MeetingType.class), row.getString("form"), row.getInt(3),
                        row.getInt(4)));
    }

    /** Units of the subtree (the root included) behind a rule in the period containing {@code on}: the rules are rows of life_rule. */
    private static final String GAPS = """
            with rules as (
              select r.*, make_date(extract(year from ?::date)::int,
                                    ((extract(month from ?::date)::int - 1) / r.period_months) * r.period_months + 1, 1) ps
              from life_rule r),
            gaps as (
              select u.id, u.code, u.name, u.form, u.path, r.meeting_type, r.period_months, r.min_count, r.ps,
                     (r.ps + make_interval(months => r.period_months) - interval '1 day')::date pe,
                     (select count(*) from meeting mt where mt.unit_id = u.id and mt.type = r.meeting_type
                        and mt.held_on >= r.ps and mt.held_on < r.ps + make_interval(months => r.period_months)) held
              from org_unit u join rules r on r.form = u.form
              where u.path >= ? and u.path < ? and u.status = 'ACTIVE' and (u.established_on is null or u.established_on <= r.ps))
            """;

    public List<LifeViews.Gap> gaps(String path, LocalDate on, PageRequest page) {
        return db.list(GAPS + "select * from gaps where held < min_count order by path, meeting_type limit ? offset ?",
                row -> new LifeViews.Gap(Db.uuid(row, "id"), row.getString("code"), row.getString("name"), row.getString("form"),
                        Db.enumValue(row, "meeting_type", MeetingType.class), Db.date(row, "ps"), Db.date(row, "pe"), row.getInt("min_count"),
                        row.getLong("held")),
                on, on, path, Paths.upperBound(path), page.size, page.offset());
    }

    public long countGaps(String path, LocalDate on) {
        return db.count(GAPS + "select count(*) from gaps where held < min_count", on, on, path, Paths.upperBound(path));
    }

    public List<LifeViews.TypeCredits> credits(UUID memberId, int year) {
        return db.list("select mt.type, count(*), sum(mt.credit_hours) from attendance a join meeting mt on mt.id = a.meeting_id"
                + " where a.member_id = ? and a.status = 'PRESENT' and mt.held_on >= ? and mt.held_on < ? group by mt.type order by mt.type",
                row -> new LifeViews.TypeCredits(Db.enumValue(row, "type", MeetingType.class), row.getLong(2), row.getBigDecimal(3)),
                memberId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    private static final String MEMBER_CREDITS = " from member m left join lateral (select count(*) n, coalesce(sum(mt.credit_hours), 0) c"
            + " from attendance a join meeting mt on mt.id = a.meeting_id where a.member_id = m.id and a.status = 'PRESENT'"
            + " and mt.held_on >= ? and mt.held_on < ?) x on true where m.path >= ? and m.path < ? and m." + NOT_LEFT;

    public List<LifeViews.MemberCredits> memberCredits(String path, int year, PageRequest page) {
        return db.list("select m.id, m.name, m.status, x.c, x.n" + MEMBER_CREDITS + " order by m.path, m.name, m.id limit ? offset ?",
                row -> new LifeViews.MemberCredits(Db.uuid(row, "id"), row.getString("name"), Db.enumValue(row, "status", MemberStatus.class),
                        row.getBigDecimal("c"), row.getLong("n")),
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), path, Paths.upperBound(path), page.size, page.offset());
    }

    public long countMembers(String path) {
        return db.count("select count(*) from member m where m.path >= ? and m.path < ? and m." + NOT_LEFT, path, Paths.upperBound(path));
    }

    public List<LifeViews.YearCredits> creditsByYear(UUID memberId) {
        return db.list("select extract(year from mt.held_on)::int y, coalesce(sum(mt.credit_hours), 0), count(*) from attendance a"
                + " join meeting mt on mt.id = a.meeting_id where a.member_id = ? and a.status = 'PRESENT' group by 1 order by 1",
                row -> new LifeViews.YearCredits(row.getInt(1), row.getBigDecimal(2), row.getLong(3)), memberId);
    }

    public List<LifeViews.Session> sessions(UUID memberId, int limit) {
        return db.list("select mt.id, mt.unit_id, u.name, mt.type, mt.held_on, mt.topic, a.status, mt.credit_hours from attendance a"
                + " join meeting mt on mt.id = a.meeting_id join org_unit u on u.id = mt.unit_id where a.member_id = ?"
                + " order by mt.held_on desc, mt.id limit ?",
                row -> new LifeViews.Session(Db.uuid(row, "id"), Db.uuid(row, "unit_id"), row.getString("name"),
                        Db.enumValue(row, "type", MeetingType.class), Db.date(row, "held_on"), row.getString("topic"),
                        Db.enumValue(row, "status", Presence.class), row.getBigDecimal("credit_hours")), memberId, limit);
    }

    public List<LifeViews.TransferLine> transfers(UUID memberId) {
        return db.list("select t.id, t.kind, f.name from_name, coalesce(d.name, t.external_org) to_name, t.status, t.initiated_on, t.decided_on"
                + " from transfer t join org_unit f on f.id = t.from_unit_id left join org_unit d on d.id = t.to_unit_id"
                + " where t.member_id = ? order by t.created_at",
                row -> new LifeViews.TransferLine(Db.uuid(row, "id"), row.getString("kind"), row.getString("from_name"),
                        row.getString("to_name"), row.getString("status"), Db.date(row, "initiated_on"), Db.date(row, "decided_on")),
                memberId);
    }

    public List<LifeViews.OutflowLine> outflows(UUID memberId) {
        return db.list("select o.id, o.destination_city, o.reason, o.left_on, s.name, o.returned_on from mobile_outflow o"
                + " left join org_unit s on s.id = o.station_unit_id where o.member_id = ? order by o.left_on",
                row -> new LifeViews.OutflowLine(Db.uuid(row, "id"), row.getString(2), row.getString(3), Db.date(row, "left_on"),
                        row.getString(5), Db.date(row, "returned_on")), memberId);
    }

    private static final String RANKING = """
            with months as (
              select u.id, u.name, u.path, count(distinct mt.id) meetings,
                     count(a.member_id) filter (where a.status = 'PRESENT') present,
                     count(a.member_id) filter (where a.status = 'EXCUSED') excused,
                     count(a.member_id) filter (where a.status = 'ABSENT') absent
              from meeting mt join org_unit u on u.id = mt.unit_id left join attendance a on a.meeting_id = mt.id
              where u.path >= ? and u.path < ? and mt.held_on >= ? and mt.held_on < ?
              group by u.id, u.name, u.path),
            rated as (
              select *, case when present + excused + absent = 0 then 0
                             else round(present::numeric / (present + excused + absent), 4) end rate
              from months)
            """;

    /** Units of the subtree that held meetings in the month, best attendance first, then most meetings. */
    public List<LifeViews.RankingLine> ranking(String path, LocalDate month, PageRequest page) {
        return db.list(RANKING + "select *, rank() over (order by rate desc, meetings desc) rk from rated order by rk, path limit ? offset ?",
                row -> new LifeViews.RankingLine(row.getInt("rk"), Db.uuid(row, "id"), row.getString("name"), row.getLong("meetings"),
                        row.getLong("present"), row.getLong("excused"), row.getLong("absent"), row.getBigDecimal("rate")),
                path, Paths.upperBound(path), month, month.plusMonths(1), page.size, page.offset());
    }

    public long countRanking(String path, LocalDate month) {
        return db.count(RANKING + "select count(*) from rated", path, Paths.upperBound(path), month, month.plusMonths(1));
    }

    private static final String PARTICIPANTS = """
            select * from (
              select m.*, false guest from member m where m.path >= ? and m.path < ? and m.%1$s
              union all
              select m.*, true guest from member m join mobile_outflow o on o.member_id = m.id and o.returned_on is null
                join org_unit s on s.id = o.station_unit_id
              where s.path >= ? and s.path < ? and m.%1$s and not (m.path >= ? and m.path < ?)) p
            """.formatted(NOT_LEFT);

    public List<LifeViews.Participant> participants(String path, PageRequest page) {
        String upper = Paths.upperBound(path);
        return db.list(PARTICIPANTS + " order by guest, path, name, id limit ? offset ?",
                row -> new LifeViews.Participant(MemberView.of(Member.map(row), caller), row.getBoolean("guest")),
                path, upper, path, upper, path, upper, page.size, page.offset());
    }

    public long countParticipants(String path) {
        String upper = Paths.upperBound(path);
        return db.count("select count(*) from (" + PARTICIPANTS + ") c", path, upper, path, upper, path, upper);
    }
}
