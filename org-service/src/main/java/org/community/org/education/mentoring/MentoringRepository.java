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
import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.persistence.Constraints;
import org.community.org.persistence.Locks;
import org.community.org.security.Scope;
import org.community.org.tree.Paths;

/** The studios, their mentorships and sessions as entities; the mentorship is the aggregate a session is recorded on. */
@ApplicationScoped
public class MentoringRepository implements PanacheRepositoryBase<Mentorship, UUID> {

    @Inject
    Db db;

    /** Founds the studio unless the unit has one of this name (false then; a racing second one breaks the unique index on flush). */
    public boolean insertStudio(Studio studio) {
        EntityManager em = getEntityManager();
        if (em.createQuery("select count(*) from Studio where unitId = ?1 and name = ?2", Long.class).setParameter(1, studio.unitId())
                .setParameter(2, studio.name()).getSingleResult() > 0) {
            return false;
        }
        em.persist(studio);
        return Constraints.flushed(em::flush, "edu_studio_name");
    }

    public Optional<Studio> studio(UUID id) {
        return Optional.ofNullable(getEntityManager().find(Studio.class, id));
    }

    // The views read the names of members and units with each row's counts in one statement: read-side SQL, not the
    // aggregates.

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

    /** Pairs the two unless the pair is active in the studio already (false then; a racing second one breaks the unique index on flush). */
    public boolean insertPair(Mentorship pair) {
        if (count("studioId = ?1 and mentorMemberId = ?2 and menteeMemberId = ?3 and status = ?4", pair.studioId(), pair.mentorMemberId(),
                pair.menteeMemberId(), MentorshipStatus.ACTIVE) > 0) {
            return false;
        }
        persist(pair);
        return Constraints.flushed(this::flush, "edu_mentorship_active_pair");
    }

    public Optional<Mentorship> pair(UUID id) {
        return findByIdOptional(id);
    }

    public Optional<Mentorship> lockPair(UUID id) {
        return Locks.forUpdate(getEntityManager(), Mentorship.class, id);
    }

    /** Records a session of the pair, a new version of it; the mentee's progress is the latest session's (by date) that assessed one. */
    public void addSession(Mentorship pair, MentoringSession session, Instant now) {
        EntityManager em = getEntityManager();
        em.persist(session);
        Integer latest = session.assessed() == null ? null
                : em.createQuery("select progress from MentoringSession where mentorshipId = ?1 and progress is not null"
                        + " order by heldOn desc, createdAt desc", Integer.class).setParameter(1, pair.id()).setMaxResults(1).getSingleResult();
        pair.sessionRecorded(latest, now);
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
        return status == null ? count("studioId", studioId) : count("studioId = ?1 and status = ?2", studioId, status);
    }

    private MentoringViews.Mentorship pairView(java.sql.ResultSet row, boolean withSessions) throws java.sql.SQLException {
        UUID id = Db.uuid(row, "id");
        List<MentoringViews.Session> sessions = withSessions ? getEntityManager()
                .createQuery("from MentoringSession where mentorshipId = ?1 order by heldOn, createdAt", MentoringSession.class)
                .setParameter(1, id).getResultStream().map(MentoringSession::view).toList() : null;
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
