package org.community.org.education.mentoring;

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
import org.community.org.security.Scope;
import org.community.org.tree.Paths;

/** SQL of the studios and their mentorships. */
@ApplicationScoped
public class MentoringRepository {

    /** A studio as stored, with its unit's path. */
    public record StudioRow(UUID id, UUID unitId, String unitName, String unitPath, String name, long version) {
    }

    /** A mentorship as stored, with the paths that decide who sees it: the studio's unit, the mentor's and the mentee's. */
    public record PairRow(UUID id, UUID studioId, String studioPath, String mentorPath, String menteePath, MentorshipStatus status,
            LocalDate startedOn, long version) {
    }

    @Inject
    Db db;

    public boolean insertStudio(UUID id, MentoringInputs.Studio in, Instant now) {
        return db.update("insert into edu_studio (id, unit_id, name, lead_member_id, founded_on, description, version, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, 1, ?, ?) on conflict (unit_id, name) do nothing", id, in.unitId(), in.name().trim(),
                in.leadMemberId(), in.foundedOn(), in.description(), now, now) == 1;
    }

    public Optional<StudioRow> studio(UUID id) {
        return db.one("select s.id, s.unit_id, u.name unit_name, u.path, s.name, s.version from edu_studio s join org_unit u on u.id = s.unit_id"
                + " where s.id = ?", row -> new StudioRow(Db.uuid(row, "id"), Db.uuid(row, "unit_id"), row.getString("unit_name"),
                        row.getString("path"), row.getString("name"), row.getLong("version")), id);
    }

    private static final String STUDIO_VIEW = "select s.*, u.name unit_name, l.name lead_name,"
            + " (select count(*) from edu_mentorship p where p.studio_id = s.id and p.status = 'ACTIVE') active,"
            + " (select count(*) from edu_mentorship p where p.studio_id = s.id) pairs"
            + " from edu_studio s join org_unit u on u.id = s.unit_id join member l on l.id = s.lead_member_id ";

    public Optional<MentoringViews.Studio> studioView(UUID id) {
        return db.one(STUDIO_VIEW + "where s.id = ?", MentoringRepository::studioView, id);
    }

    public List<MentoringViews.Studio> studios(String path, Scope scope, PageRequest page) {
        List<Object> args = studioArgs(path, scope);
        args.add(page.size);
        args.add(page.offset());
        return db.list(STUDIO_VIEW + "where u.path >= ? and u.path < ? and " + scope.where("u.path").sql() + " order by s.founded_on, s.name"
                + " limit ? offset ?", MentoringRepository::studioView, args.toArray());
    }

    public long countStudios(String path, Scope scope) {
        return db.count("select count(*) from edu_studio s join org_unit u on u.id = s.unit_id where u.path >= ? and u.path < ? and "
                + scope.where("u.path").sql(), studioArgs(path, scope).toArray());
    }

    private static List<Object> studioArgs(String path, Scope scope) {
        List<Object> args = new ArrayList<>(List.of(path, Paths.upperBound(path)));
        args.addAll(scope.where("u.path").args());
        return args;
    }

    private static MentoringViews.Studio studioView(java.sql.ResultSet row) throws java.sql.SQLException {
        return new MentoringViews.Studio(Db.uuid(row, "id"), Db.uuid(row, "unit_id"), row.getString("unit_name"), row.getString("name"),
                Db.uuid(row, "lead_member_id"), row.getString("lead_name"), Db.date(row, "founded_on"), row.getString("description"),
                row.getLong("active"), row.getLong("pairs"), row.getLong("version"));
    }

    // ---- mentorships ----

    /** False when the pair is active in the studio already. */
    public boolean insertPair(UUID id, UUID studioId, MentoringInputs.Mentorship in, Instant now) {
        return db.update("insert into edu_mentorship (id, studio_id, mentor_member_id, mentee_member_id, started_on, goals, status, progress,"
                + " version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'ACTIVE', 0, 1, ?, ?) on conflict do nothing", id, studioId,
                in.mentorMemberId(), in.menteeMemberId(), in.startedOn(), in.goals().trim(), now, now) == 1;
    }

    private static final String PAIR_ROW = "select p.id, p.studio_id, u.path studio_path, mr.path mentor_path, me.path mentee_path, p.status,"
            + " p.started_on, p.version from edu_mentorship p join edu_studio s on s.id = p.studio_id join org_unit u on u.id = s.unit_id"
            + " join member mr on mr.id = p.mentor_member_id join member me on me.id = p.mentee_member_id where p.id = ?";

    public Optional<PairRow> pair(UUID id) {
        return db.one(PAIR_ROW, MentoringRepository::pairRow, id);
    }

    public Optional<PairRow> lockPair(UUID id) {
        return db.one(PAIR_ROW + " for update of p", MentoringRepository::pairRow, id);
    }

    private static PairRow pairRow(java.sql.ResultSet row) throws java.sql.SQLException {
        return new PairRow(Db.uuid(row, "id"), Db.uuid(row, "studio_id"), row.getString("studio_path"), row.getString("mentor_path"),
                row.getString("mentee_path"), Db.enumValue(row, "status", MentorshipStatus.class), Db.date(row, "started_on"),
                row.getLong("version"));
    }

    public void end(UUID id, MentorshipStatus to, LocalDate on, String outcome, Instant now) {
        db.update("update edu_mentorship set status = ?, ended_on = ?, outcome = ?, version = version + 1, updated_at = ? where id = ?", to, on,
                outcome, now, id);
    }

    public void insertSession(UUID id, UUID pairId, MentoringInputs.Session in, String by, Instant now) {
        db.update("insert into edu_mentoring_session (id, mentorship_id, held_on, topic, notes, hours, progress, recorded_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, pairId, in.heldOn(), in.topic().trim(), in.notes().trim(), in.hours(), in.progress(),
                by, now);
        if (in.progress() != null) {
            // the mentee's progress is the assessment of the latest session that made one
            db.update("update edu_mentorship p set progress = (select s.progress from edu_mentoring_session s where s.mentorship_id = p.id"
                    + " and s.progress is not null order by s.held_on desc, s.created_at desc limit 1), version = version + 1, updated_at = ?"
                    + " where p.id = ?", now, pairId);
        } else {
            db.update("update edu_mentorship set version = version + 1, updated_at = ? where id = ?", now, pairId);
        }
    }

    private static final String PAIR_VIEW = "select p.*, s.name studio_name, mr.name mentor_name, mr.unit_id mentor_unit, ur.name mentor_unit_name,"
            + " me.name mentee_name, me.unit_id mentee_unit, ue.name mentee_unit_name,"
            + " (select count(*) from edu_mentoring_session x where x.mentorship_id = p.id) n,"
            + " (select coalesce(sum(x.hours), 0) from edu_mentoring_session x where x.mentorship_id = p.id) h,"
            + " (select max(x.held_on) from edu_mentoring_session x where x.mentorship_id = p.id) last_on"
            + " from edu_mentorship p join edu_studio s on s.id = p.studio_id join member mr on mr.id = p.mentor_member_id"
            + " join org_unit ur on ur.id = mr.unit_id join member me on me.id = p.mentee_member_id join org_unit ue on ue.id = me.unit_id ";

    public Optional<MentoringViews.Mentorship> pairView(UUID id) {
        return db.one(PAIR_VIEW + "where p.id = ?", row -> pairView(row, true), id);
    }

    public List<MentoringViews.Mentorship> pairs(UUID studioId, MentorshipStatus status, PageRequest page) {
        return db.list(PAIR_VIEW + "where p.studio_id = ? and (?::text is null or p.status = ?) order by p.started_on, mr.name, me.name, p.id"
                + " limit ? offset ?", row -> pairView(row, false), studioId, status, status, page.size, page.offset());
    }

    public long countPairs(UUID studioId, MentorshipStatus status) {
        return db.count("select count(*) from edu_mentorship p where p.studio_id = ? and (?::text is null or p.status = ?)", studioId, status,
                status);
    }

    private MentoringViews.Mentorship pairView(java.sql.ResultSet row, boolean withSessions) throws java.sql.SQLException {
        UUID id = Db.uuid(row, "id");
        List<MentoringViews.Session> sessions = withSessions ? db.list("select * from edu_mentoring_session where mentorship_id = ?"
                + " order by held_on, created_at", r -> new MentoringViews.Session(Db.uuid(r, "id"), Db.date(r, "held_on"), r.getString("topic"),
                        r.getString("notes"), r.getBigDecimal("hours"), (Integer) r.getObject("progress"), r.getString("recorded_by")), id) : null;
        return new MentoringViews.Mentorship(id, Db.uuid(row, "studio_id"), row.getString("studio_name"),
                new MentoringViews.Person(Db.uuid(row, "mentor_member_id"), row.getString("mentor_name"), Db.uuid(row, "mentor_unit"),
                        row.getString("mentor_unit_name")),
                new MentoringViews.Person(Db.uuid(row, "mentee_member_id"), row.getString("mentee_name"), Db.uuid(row, "mentee_unit"),
                        row.getString("mentee_unit_name")),
                Db.date(row, "started_on"), row.getString("goals"), Db.enumValue(row, "status", MentorshipStatus.class), Db.date(row, "ended_on"),
                row.getString("outcome"), row.getInt("progress"), row.getLong("n"), (BigDecimal) row.getBigDecimal("h"), Db.date(row, "last_on"),
                row.getLong("version"), sessions);
    }
}
