package org.community.volunteer.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.volunteer.audit.AuditLog;
import org.community.conventions.db.Db;
import org.community.conventions.db.Ids;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.conventions.http.Times;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.security.Caller;
import org.community.volunteer.team.Team;
import org.community.volunteer.team.TeamRepository;
import org.community.volunteer.team.TeamStatus;

/**
 * Projects join open demands, available resources and a team of one community. Taking a demand into a
 * project marks it IN_PROJECT; DONE closes the demands the outcome names and reopens the rest; CANCELLED
 * reopens them all.
 */
@ApplicationScoped
public class ProjectService {

    static final String COLUMNS = "id, name, kind, team_id, description, status, planned_start, planned_end, outcome, started_at,"
            + " finished_at, version, created_at";

    @Inject
    Db db;

    @Inject
    TeamRepository teams;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Transactional
    public ProjectView create(ProjectInput input) {
        caller.require(caller.admin());
        Team team = teams.find(input.teamId()).orElseThrow(() -> ProblemException.invalidField("teamId", "teamUnknown", input.teamId()));
        caller.requireIn(caller.adminScope(), team.orgPath());
        if (team.status() != TeamStatus.ACTIVE) {
            throw ProblemException.invalidField("teamId", "teamDisbanded", team.name());
        }
        if (input.plannedStart() != null && input.plannedEnd() != null && input.plannedEnd().isBefore(input.plannedStart())) {
            throw ProblemException.badField("plannedEnd", "plannedEndBeforeStart");
        }
        String scope = team.communityPath() != null ? team.communityPath() : team.orgPath();
        List<UUID> demandIds = new ArrayList<>(new LinkedHashSet<>(input.demandIds() == null ? List.of() : input.demandIds()));
        for (int i = 0; i < demandIds.size(); i++) {
            UUID demandId = demandIds.get(i);
            String field = "demandIds[" + i + "]";
            record D(String path, String status, String title) {
            }
            D demand = db.one("select org_path, status, title from demand where id = ? for update",
                    row -> new D(row.getString(1), row.getString(2), row.getString(3)), demandId)
                    .orElseThrow(() -> ProblemException.invalidField(field, "demandUnknown", demandId));
            if (!demand.path().startsWith(scope)) {
                throw ProblemException.invalidField(field, "demandOtherCommunity", demand.title());
            }
            if (!"OPEN".equals(demand.status())) {
                throw ProblemException.conflictOnField(field, "demandNotOpen", demand.title(), demand.status());
            }
        }
        List<UUID> resourceIds = new ArrayList<>(new LinkedHashSet<>(input.resourceIds() == null ? List.of() : input.resourceIds()));
        for (int i = 0; i < resourceIds.size(); i++) {
            UUID resourceId = resourceIds.get(i);
            String field = "resourceIds[" + i + "]";
            record R(String path, String status, String title) {
            }
            R resource = db.one("select org_path, status, title from resource where id = ?",
                    row -> new R(row.getString(1), row.getString(2), row.getString(3)), resourceId)
                    .orElseThrow(() -> ProblemException.invalidField(field, "resourceUnknown", resourceId));
            if (!resource.path().startsWith(scope)) {
                throw ProblemException.invalidField(field, "resourceOtherCommunity", resource.title());
            }
            if (!"AVAILABLE".equals(resource.status())) {
                throw ProblemException.invalidField(field, "resourceWithdrawn", resource.title());
            }
        }
        UUID id = Ids.newId();
        Instant now = Instant.now();
        db.update("insert into project (id, name, kind, team_id, org_path, description, status, planned_start, planned_end, version,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, 1, ?, ?)", id, input.name().trim(), input.kind(),
                team.id(), team.orgPath(), blank(input.description()), input.plannedStart(), input.plannedEnd(), now, now);
        for (UUID demandId : demandIds) {
            db.update("insert into project_demand (project_id, demand_id) values (?, ?)", id, demandId);
            db.update("update demand set status = 'IN_PROJECT', version = version + 1, updated_at = ? where id = ?", now, demandId);
        }
        for (UUID resourceId : resourceIds) {
            db.update("insert into project_resource (project_id, resource_id) values (?, ?)", id, resourceId);
        }
        audit.record("project.create", "project", id, team.orgPath(), AuditLog.summary("name", input.name().trim(), "kind", input.kind(),
                "teamId", team.id(), "demandIds", demandIds, "resourceIds", resourceIds));
        return find(id).orElseThrow();
    }

    @Transactional
    public ProjectView start(UUID id, String ifMatch) {
        ProjectView project = lock(id, ifMatch, ProjectStatus.IN_PROGRESS);
        db.update("update project set status = 'IN_PROGRESS', started_at = ?, version = version + 1, updated_at = ? where id = ?",
                Instant.now(), Instant.now(), project.id());
        audit.record("project.start", "project", id, path(id), AuditLog.summary("status", ProjectStatus.IN_PROGRESS));
        return find(id).orElseThrow();
    }

    @Transactional
    public ProjectView complete(UUID id, CompleteInput input, String ifMatch) {
        ProjectView project = lock(id, ifMatch, ProjectStatus.DONE);
        Set<UUID> own = new HashSet<>(project.demandIds());
        for (int i = 0; i < input.closedDemandIds().size(); i++) {
            if (!own.contains(input.closedDemandIds().get(i))) {
                throw ProblemException.invalidField("closedDemandIds[" + i + "]", "demandNotInProject", input.closedDemandIds().get(i));
            }
        }
        Instant now = Instant.now();
        db.update("update project set status = 'DONE', outcome = ?, finished_at = ?, version = version + 1, updated_at = ? where id = ?",
                input.outcome().trim(), now, now, id);
        for (UUID demandId : project.demandIds()) {
            if (input.closedDemandIds().contains(demandId)) {
                db.update("update project_demand set closed = true where project_id = ? and demand_id = ?", id, demandId);
                db.update("update demand set status = 'CLOSED', closed_by_project = ?, version = version + 1, updated_at = ? where id = ?",
                        id, now, demandId);
            } else {
                reopen(demandId, now);
            }
        }
        audit.record("project.complete", "project", id, path(id), AuditLog.summary("status", ProjectStatus.DONE,
                "closedDemandIds", input.closedDemandIds()));
        return find(id).orElseThrow();
    }

    @Transactional
    public ProjectView cancel(UUID id, CancelInput input, String ifMatch) {
        ProjectView project = lock(id, ifMatch, ProjectStatus.CANCELLED);
        Instant now = Instant.now();
        db.update("update project set status = 'CANCELLED', outcome = ?, finished_at = ?, version = version + 1, updated_at = ? where id = ?",
                input.reason().trim(), now, now, id);
        for (UUID demandId : project.demandIds()) {
            reopen(demandId, now);
        }
        audit.record("project.cancel", "project", id, path(id), AuditLog.summary("status", ProjectStatus.CANCELLED,
                "reason", input.reason().trim()));
        return find(id).orElseThrow();
    }

    public Optional<ProjectView> find(UUID id) {
        return db.one("select " + COLUMNS + " from project where id = ?", row -> view(row), id);
    }

    public List<ProjectView> search(OrgUnitRef within, ProjectStatus status, UUID teamId, PageRequest page) {
        return db.list("select " + COLUMNS + " from project where (?::text is null or (org_path >= ? and org_path < ?))"
                + " and (?::text is null or status = ?) and (?::uuid is null or team_id = ?) order by created_at, id limit ? offset ?",
                row -> view(row), path(within), path(within), upper(within), status, status, teamId, teamId, page.size, page.offset());
    }

    public long count(OrgUnitRef within, ProjectStatus status, UUID teamId) {
        return db.count("select count(*) from project where (?::text is null or (org_path >= ? and org_path < ?))"
                + " and (?::text is null or status = ?) and (?::uuid is null or team_id = ?)", path(within), path(within), upper(within),
                status, status, teamId, teamId);
    }

    private ProjectView lock(UUID id, String ifMatch, ProjectStatus next) {
        String path = db.one("select org_path from project where id = ? for update", row -> row.getString(1), id)
                .orElseThrow(() -> ProblemException.notFound("project", id));
        caller.require(caller.admin());
        caller.requireIn(caller.adminScope(), path);
        ProjectView project = find(id).orElseThrow();
        Preconditions.checkMatch(ifMatch, project.version());
        if (!project.status().mayBecome(next)) {
            throw ProblemException.conflict("projectTransition", project.status(), next);
        }
        return project;
    }

    private String path(UUID id) {
        return db.one("select org_path from project where id = ?", row -> row.getString(1), id).orElseThrow();
    }

    /** A demand leaves a project: open again unless already closed. */
    private void reopen(UUID demandId, Instant now) {
        db.update("update demand set status = 'OPEN', version = version + 1, updated_at = ? where id = ? and status = 'IN_PROJECT'", now,
                demandId);
    }

    private ProjectView view(java.sql.ResultSet row) throws java.sql.SQLException {
        UUID id = Db.uuid(row, "id");
        List<UUID> demands = new ArrayList<>();
        List<UUID> closed = new ArrayList<>();
        db.list("select demand_id, closed from project_demand where project_id = ? order by demand_id", r -> {
            demands.add(Db.uuid(r, "demand_id"));
            if (r.getBoolean("closed")) {
                closed.add(Db.uuid(r, "demand_id"));
            }
            return null;
        }, id);
        List<UUID> resources = db.list("select resource_id from project_resource where project_id = ? order by resource_id",
                r -> Db.uuid(r, "resource_id"), id);
        return new ProjectView(id, row.getString("name"), ProjectKind.valueOf(row.getString("kind")), Db.uuid(row, "team_id"),
                row.getString("description"), ProjectStatus.valueOf(row.getString("status")), Db.date(row, "planned_start"),
                Db.date(row, "planned_end"), row.getString("outcome"), demands, closed, resources, Times.local(Db.instant(row, "started_at")),
                Times.local(Db.instant(row, "finished_at")), row.getLong("version"), Times.local(Db.instant(row, "created_at")));
    }

    private static String path(OrgUnitRef within) {
        return within == null ? null : within.path();
    }

    private static String upper(OrgUnitRef within) {
        return within == null ? null : OrgUnitRef.upperBound(within.path());
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
