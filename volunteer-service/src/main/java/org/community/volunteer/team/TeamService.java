package org.community.volunteer.team;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.volunteer.audit.AuditLog;
import org.community.conventions.db.Ids;
import org.community.conventions.http.Preconditions;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.security.Caller;
import org.community.volunteer.volunteer.Volunteer;
import org.community.volunteer.volunteer.VolunteerRepository;

/**
 * Teams and their members. A team's org unit is checked with org-service and snapshotted (name and path).
 * The leader must be a volunteer registered in the same community as the team's unit. Admin roles and team
 * leaders manage the teams of units inside their scope (403 elsewhere); every change is audited.
 */
@ApplicationScoped
public class TeamService {

    @Inject
    TeamRepository teams;

    @Inject
    VolunteerRepository volunteers;

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
        Team team = new Team(Ids.newId(), input.name().trim(), unit.id(), unit.name(), unit.path(), unit.communityPath(),
                input.category(), blank(input.description()), leader.id(), TeamStatus.ACTIVE, 1, now, now);
        teams.insert(team);
        teams.putMember(team.id(), leader.id(), MemberRole.LEADER);
        for (UUID deputy : deputies) {
            teams.putMember(team.id(), deputy, MemberRole.DEPUTY);
        }
        audit.record("team.create", "team", team.id(), team.orgPath(), AuditLog.summary("name", team.name(), "orgUnitId", unit.id(),
                "category", team.category(), "leaderId", leader.id(), "deputyIds", deputies));
        return team;
    }

    @Transactional
    public Team update(UUID id, TeamInput input, String ifMatch) {
        Team current = teams.lock(id).orElseThrow(() -> ProblemException.notFound("team", id));
        caller.requireIn(caller.workScope(), current.orgPath());
        Preconditions.requireMatch(ifMatch, current.version());
        if (current.status() != TeamStatus.ACTIVE) {
            throw ProblemException.conflict("teamDisbanded", current.name());
        }
        Volunteer leader = volunteer("leaderId", input.leaderId());
        List<UUID> deputies = deputies(input);
        OrgUnitRef unit = input.orgUnitId().equals(current.orgUnitId())
                ? new OrgUnitRef(current.orgUnitId(), current.orgUnitName(), null, current.orgPath(), current.communityPath())
                : orgUnits.require("orgUnitId", input.orgUnitId());
        caller.requireIn(caller.workScope(), unit.path());
        if (!Objects.equals(leader.id(), current.leaderId()) || !unit.id().equals(current.orgUnitId())) {
            checkLeaderScope(leader, unit);
        }
        Team changed = new Team(id, input.name().trim(), unit.id(), unit.name(), unit.path(), unit.communityPath(), input.category(),
                blank(input.description()), leader.id(), TeamStatus.ACTIVE, current.version() + 1, current.createdAt(), Instant.now());
        teams.update(changed);
        List<UUID> keep = new ArrayList<>(deputies);
        keep.add(leader.id());
        teams.demoteOthers(id, keep);
        teams.putMember(id, leader.id(), MemberRole.LEADER);
        for (UUID deputy : deputies) {
            teams.putMember(id, deputy, MemberRole.DEPUTY);
        }
        audit.record("team.update", "team", id, changed.orgPath(), AuditLog.summary("name", changed.name(), "orgUnitId", unit.id(),
                "category", changed.category(), "leaderId", leader.id(), "deputyIds", deputies));
        return changed;
    }

    @Transactional
    public Team disband(UUID id, String ifMatch) {
        Team current = teams.lock(id).orElseThrow(() -> ProblemException.notFound("team", id));
        caller.requireIn(caller.workScope(), current.orgPath());
        Preconditions.checkMatch(ifMatch, current.version());
        if (current.status() != TeamStatus.ACTIVE) {
            throw ProblemException.conflict("teamDisbanded", current.name());
        }
        Team changed = new Team(id, current.name(), current.orgUnitId(), current.orgUnitName(), current.orgPath(), current.communityPath(),
                current.category(), current.description(), current.leaderId(), TeamStatus.DISBANDED, current.version() + 1,
                current.createdAt(), Instant.now());
        teams.update(changed);
        audit.record("team.disband", "team", id, changed.orgPath(), AuditLog.summary("status", changed.status()));
        return changed;
    }

    @Transactional
    public void addMember(UUID teamId, MemberInput input) {
        Team team = teams.lock(teamId).orElseThrow(() -> ProblemException.notFound("team", teamId));
        caller.requireIn(caller.workScope(), team.orgPath());
        if (team.status() != TeamStatus.ACTIVE) {
            throw ProblemException.conflict("teamDisbanded", team.name());
        }
        volunteer("volunteerId", input.volunteerId());
        MemberRole role = input.role() == null ? MemberRole.MEMBER : input.role();
        if (role == MemberRole.LEADER) {
            throw ProblemException.badField("role", "leaderByUpdate");
        }
        if (teams.role(teamId, input.volunteerId()).isPresent()) {
            throw ProblemException.conflictOnField("volunteerId", "alreadyMember");
        }
        teams.putMember(teamId, input.volunteerId(), role);
        audit.record("team.member.add", "team", teamId, team.orgPath(), AuditLog.summary("volunteerId", input.volunteerId(), "role", role));
    }

    @Transactional
    public void removeMember(UUID teamId, UUID volunteerId) {
        Team team = teams.lock(teamId).orElseThrow(() -> ProblemException.notFound("team", teamId));
        caller.requireIn(caller.workScope(), team.orgPath());
        if (volunteerId.equals(team.leaderId())) {
            throw ProblemException.conflict("removeLeader");
        }
        if (!teams.removeMember(teamId, volunteerId)) {
            throw ProblemException.notFound("member", volunteerId);
        }
        audit.record("team.member.remove", "team", teamId, team.orgPath(), AuditLog.summary("volunteerId", volunteerId));
    }

    /**
     * "A team in a unit of another community than its leader's": the leader must be registered in the
     * community the team's unit belongs to (or, for a team above community level, inside the team's unit).
     */
    private void checkLeaderScope(Volunteer leader, OrgUnitRef unit) {
        if (leader.orgPath() == null) {
            throw ProblemException.invalidField("leaderId", "leaderNotRegisteredInUnit", leader.name());
        }
        String scope = unit.communityPath() != null ? unit.communityPath() : unit.path();
        if (!leader.orgPath().startsWith(scope)) {
            throw ProblemException.invalidField("orgUnitId", "teamOutsideLeaderCommunity", unit.name(), leader.name(),
                    leader.orgUnitName());
        }
    }

    private Volunteer volunteer(String field, UUID id) {
        return volunteers.find(id).orElseThrow(() -> ProblemException.invalidField(field, "volunteerUnknown", id));
    }

    private List<UUID> deputies(TeamInput input) {
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
