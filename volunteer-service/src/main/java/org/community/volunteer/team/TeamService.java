package org.community.volunteer.team;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.conventions.http.Times;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.audit.AuditLog;
import org.community.volunteer.db.Where;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.volunteer.security.Caller;
import org.community.volunteer.volunteer.Stars;
import org.community.volunteer.volunteer.Volunteer;

/**
 * Teams and their members. A team's org unit is checked with org-service and snapshotted (name and path).
 * The leader must be a volunteer registered in the same community as the team's unit. Admin roles and team
 * leaders manage the teams of units inside their scope (403 elsewhere); every change is audited.
 */
@ApplicationScoped
public class TeamService {

    public record Filter(OrgUnitRef within, String category, TeamStatus status, String q) {
    }

    /** Deputies (by joining date) and member count of a team. */
    public record Membership(List<UUID> deputyIds, long memberCount) {
    }

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Transactional
    public Team create(TeamInput input) {
        caller.require(caller.volunteerWork());
        Volunteer leader = volunteer("leaderId", input.leaderId());
        List<UUID> deputies = deputies(input);
        OrgUnitRef unit = orgUnits.require("orgUnitId", input.orgUnitId());
        caller.requireIn(caller.workScope(), unit.path());
        checkLeaderScope(leader, unit);
        Instant now = Instant.now();
        Team team = new Team();
        team.name = input.name().trim();
        attach(team, unit);
        team.category = input.category();
        team.description = blank(input.description());
        team.leaderId = leader.id;
        team.status = TeamStatus.ACTIVE;
        team.createdAt = now;
        team.updatedAt = now;
        team.persist();
        TeamMember.of(team.id, leader.id, MemberRole.LEADER).persist();
        for (UUID deputy : deputies) {
            TeamMember.of(team.id, deputy, MemberRole.DEPUTY).persist();
        }
        team.flush();
        audit.record("team.create", "team", team.id, team.orgPath, AuditLog.summary("name", team.name, "orgUnitId", unit.id(),
                "category", team.category, "leaderId", leader.id, "deputyIds", deputies));
        return team;
    }

    @Transactional
    public Team update(UUID id, TeamInput input, String ifMatch) {
        Team team = lock(id);
        caller.requireIn(caller.workScope(), team.orgPath);
        Preconditions.requireMatch(ifMatch, team.version);
        if (team.status != TeamStatus.ACTIVE) {
            throw ProblemException.conflict("teamDisbanded", team.name);
        }
        Volunteer leader = volunteer("leaderId", input.leaderId());
        List<UUID> deputies = deputies(input);
        OrgUnitRef unit = input.orgUnitId().equals(team.orgUnitId)
                ? new OrgUnitRef(team.orgUnitId, team.orgUnitName, null, team.orgPath, team.communityPath)
                : orgUnits.require("orgUnitId", input.orgUnitId());
        caller.requireIn(caller.workScope(), unit.path());
        if (!Objects.equals(leader.id, team.leaderId) || !unit.id().equals(team.orgUnitId)) {
            checkLeaderScope(leader, unit);
        }
        team.name = input.name().trim();
        attach(team, unit);
        team.category = input.category();
        team.description = blank(input.description());
        team.leaderId = leader.id;
        team.updatedAt = Instant.now();
        // members who held a leading role and no longer do become plain members
        List<UUID> keep = new ArrayList<>(deputies);
        keep.add(leader.id);
        for (TeamMember member : TeamMember.<TeamMember>list("id.teamId = ?1 and role <> ?2", id, MemberRole.MEMBER)) {
            if (!keep.contains(member.id.volunteerId())) {
                member.role = MemberRole.MEMBER;
            }
        }
        putMember(id, leader.id, MemberRole.LEADER);
        for (UUID deputy : deputies) {
            putMember(id, deputy, MemberRole.DEPUTY);
        }
        team.flush();
        audit.record("team.update", "team", id, team.orgPath, AuditLog.summary("name", team.name, "orgUnitId", unit.id(),
                "category", team.category, "leaderId", leader.id, "deputyIds", deputies));
        return team;
    }

    @Transactional
    public Team disband(UUID id, String ifMatch) {
        Team team = lock(id);
        caller.requireIn(caller.workScope(), team.orgPath);
        Preconditions.checkMatch(ifMatch, team.version);
        if (team.status != TeamStatus.ACTIVE) {
            throw ProblemException.conflict("teamDisbanded", team.name);
        }
        team.status = TeamStatus.DISBANDED;
        team.updatedAt = Instant.now();
        team.flush();
        audit.record("team.disband", "team", id, team.orgPath, AuditLog.summary("status", team.status));
        return team;
    }

    @Transactional
    public void addMember(UUID teamId, MemberInput input) {
        Team team = lock(teamId);
        caller.requireIn(caller.workScope(), team.orgPath);
        if (team.status != TeamStatus.ACTIVE) {
            throw ProblemException.conflict("teamDisbanded", team.name);
        }
        volunteer("volunteerId", input.volunteerId());
        MemberRole role = input.role() == null ? MemberRole.MEMBER : input.role();
        if (role == MemberRole.LEADER) {
            throw ProblemException.badField("role", "leaderByUpdate");
        }
        if (TeamMember.findByIdOptional(new TeamMember.Key(teamId, input.volunteerId())).isPresent()) {
            throw ProblemException.conflictOnField("volunteerId", "alreadyMember");
        }
        TeamMember.of(teamId, input.volunteerId(), role).persistAndFlush();
        audit.record("team.member.add", "team", teamId, team.orgPath, AuditLog.summary("volunteerId", input.volunteerId(), "role", role));
    }

    @Transactional
    public void removeMember(UUID teamId, UUID volunteerId) {
        Team team = lock(teamId);
        caller.requireIn(caller.workScope(), team.orgPath);
        if (volunteerId.equals(team.leaderId)) {
            throw ProblemException.conflict("removeLeader");
        }
        if (!TeamMember.deleteById(new TeamMember.Key(teamId, volunteerId))) {
            throw ProblemException.notFound("member", volunteerId);
        }
        TeamMember.flush();
        audit.record("team.member.remove", "team", teamId, team.orgPath, AuditLog.summary("volunteerId", volunteerId));
    }

    public Optional<Team> find(UUID id) {
        return Team.findByIdOptional(id);
    }

    public List<Team> search(Filter filter, PageRequest page) {
        return query(filter).page(page.page, page.size).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private static PanacheQuery<Team> query(Filter filter) {
        Where where = new Where().within("orgPath", filter.within()).equal("category", filter.category()).equal("status", filter.status())
                .when("locate(?, name) > 0", filter.q());
        return Team.find(where.hql(), Sort.by("createdAt").and("id"), where.params());
    }

    public Membership membership(UUID teamId) {
        return memberships(List.of(teamId)).get(teamId);
    }

    /** Deputies and member count of a page of teams, in two statements for the whole page (a list shows them for every team). */
    public Map<UUID, Membership> memberships(List<UUID> teamIds) {
        Map<UUID, Membership> byTeam = new HashMap<>();
        if (teamIds.isEmpty()) {
            return byTeam;
        }
        Map<UUID, List<UUID>> deputies = new HashMap<>();
        for (UUID id : teamIds) {
            deputies.put(id, new ArrayList<>());
            byTeam.put(id, new Membership(deputies.get(id), 0));
        }
        Panache.getEntityManager().createQuery("select m.id.teamId, m.id.volunteerId from TeamMember m where m.id.teamId in ?1"
                + " and m.role = ?2 order by m.joinedAt, m.id.volunteerId", Object[].class).setParameter(1, teamIds)
                .setParameter(2, MemberRole.DEPUTY).getResultList()
                .forEach(row -> deputies.get((UUID) row[0]).add((UUID) row[1]));
        Panache.getEntityManager().createQuery("select m.id.teamId, count(*) from TeamMember m where m.id.teamId in ?1 group by m.id.teamId",
                Object[].class).setParameter(1, teamIds).getResultList()
                .forEach(row -> byTeam.put((UUID) row[0], new Membership(deputies.get((UUID) row[0]), (Long) row[1])));
        return byTeam;
    }

    public long memberCount(UUID teamId) {
        return TeamMember.count("id.teamId", teamId);
    }

    private static final String MEMBER_SELECT = "select m, v from TeamMember m join Volunteer v on v.id = m.id.volunteerId ";

    public Optional<MemberView> member(UUID teamId, UUID volunteerId) {
        return Panache.getEntityManager().createQuery(MEMBER_SELECT + "where m.id.teamId = ?1 and m.id.volunteerId = ?2", Object[].class)
                .setParameter(1, teamId).setParameter(2, volunteerId).getResultStream().findFirst().map(TeamService::member);
    }

    /** Leader first, then deputies, then members by joining date. */
    public List<MemberView> members(UUID teamId, PageRequest page) {
        return Panache.getEntityManager().createQuery(MEMBER_SELECT + "where m.id.teamId = ?1 order by case m.role"
                + " when org.community.volunteer.team.MemberRole.LEADER then 0 when org.community.volunteer.team.MemberRole.DEPUTY then 1"
                + " else 2 end, m.joinedAt, m.id.volunteerId", Object[].class).setParameter(1, teamId)
                .setFirstResult((int) page.offset()).setMaxResults(page.size).getResultList().stream().map(TeamService::member).toList();
    }

    private static MemberView member(Object[] row) {
        TeamMember m = (TeamMember) row[0];
        Volunteer v = (Volunteer) row[1];
        return new MemberView(m.id.teamId(), m.id.volunteerId(), v.name, v.phone, m.role, Stars.hours(v.verifiedMinutes), v.starLevel,
                Times.local(m.joinedAt));
    }

    /** The teams a volunteer belongs to, by joining date. */
    public List<MembershipView> memberships(UUID volunteerId) {
        return Panache.getEntityManager().createQuery("select t, m from TeamMember m join Team t on t.id = m.id.teamId"
                + " where m.id.volunteerId = ?1 order by m.joinedAt, t.id", Object[].class).setParameter(1, volunteerId).getResultList()
                .stream().map(row -> {
                    Team t = (Team) row[0];
                    TeamMember m = (TeamMember) row[1];
                    return new MembershipView(t.id, t.name, t.orgUnitName, t.category, t.status, m.role, Times.local(m.joinedAt));
                }).toList();
    }

    /** The team under its row lock, or 404. */
    private static Team lock(UUID id) {
        return Team.<Team>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> ProblemException.notFound("team", id));
    }

    /** Adds the volunteer or changes the role of a member. */
    private static void putMember(UUID teamId, UUID volunteerId, MemberRole role) {
        TeamMember.<TeamMember>findByIdOptional(new TeamMember.Key(teamId, volunteerId))
                .ifPresentOrElse(member -> member.role = role, () -> TeamMember.of(teamId, volunteerId, role).persist());
    }

    private static void attach(Team team, OrgUnitRef unit) {
        team.orgUnitId = unit.id();
        team.orgUnitName = unit.name();
        team.orgPath = unit.path();
        team.communityPath = unit.communityPath();
    }

    /**
     * "A team in a unit of another community than its leader's": the leader must be registered in the
     * community the team's unit belongs to (or, for a team above community level, inside the team's unit).
     */
    private void checkLeaderScope(Volunteer leader, OrgUnitRef unit) {
        if (leader.orgPath == null) {
            throw ProblemException.invalidField("leaderId", "leaderNotRegisteredInUnit", leader.name);
        }
        String scope = unit.communityPath() != null ? unit.communityPath() : unit.path();
        if (!leader.orgPath.startsWith(scope)) {
            throw ProblemException.invalidField("orgUnitId", "teamOutsideLeaderCommunity", unit.name(), leader.name, leader.orgUnitName);
        }
    }

    private static Volunteer volunteer(String field, UUID id) {
        return Volunteer.<Volunteer>findByIdOptional(id).orElseThrow(() -> ProblemException.invalidField(field, "volunteerUnknown", id));
    }

    private static List<UUID> deputies(TeamInput input) {
        List<UUID> deputies = new ArrayList<>(new LinkedHashSet<>(input.deputyIds() == null ? List.of() : input.deputyIds()));
        for (int i = 0; i < deputies.size(); i++) {
            UUID deputy = deputies.get(i);
            if (deputy.equals(input.leaderId())) {
                throw ProblemException.invalidField("deputyIds[" + i + "]", "deputyIsLeader");
            }
            volunteer("deputyIds[" + i + "]", deputy);
        }
        return deputies;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
