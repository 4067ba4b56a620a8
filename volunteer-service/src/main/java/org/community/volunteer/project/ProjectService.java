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
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.conventions.http.Times;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.audit.AuditLog;
import org.community.volunteer.db.Where;
import org.community.volunteer.demand.Demand;
import org.community.volunteer.demand.DemandStatus;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.partner.OfferedResource;
import org.community.volunteer.security.Caller;
import org.community.volunteer.team.Team;
import org.community.volunteer.team.TeamStatus;

/**
 * Projects join open demands, available resources and a team of one community. Taking a demand into a
 * project marks it IN_PROJECT; DONE closes the demands the outcome names and reopens the rest; CANCELLED
 * reopens them all.
 */
@ApplicationScoped
public class ProjectService {

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Transactional
    public ProjectView create(ProjectInput input) {
        caller.require(caller.admin());
        Team team = Team.<Team>findByIdOptional(input.teamId()).orElseThrow(() -> ProblemException.invalidField("teamId", "teamUnknown", input.teamId()));
        caller.requireIn(caller.adminScope(), team.orgPath);
        if (team.status != TeamStatus.ACTIVE) {
            throw ProblemException.invalidField("teamId", "teamDisbanded", team.name);
        }
        if (input.plannedStart() != null && input.plannedEnd() != null && input.plannedEnd().isBefore(input.plannedStart())) {
            throw ProblemException.badField("plannedEnd", "plannedEndBeforeStart");
        }
        String scope = team.communityPath != null ? team.communityPath : team.orgPath;
        List<UUID> demandIds = new ArrayList<>(new LinkedHashSet<>(input.demandIds() == null ? List.of() : input.demandIds()));
        List<Demand> demands = new ArrayList<>();
        for (int i = 0; i < demandIds.size(); i++) {
            UUID demandId = demandIds.get(i);
            String field = "demandIds[" + i + "]";
            Demand demand = Demand.<Demand>findByIdOptional(demandId, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ProblemException.invalidField(field, "demandUnknown", demandId));
            if (!demand.orgPath.startsWith(scope)) {
                throw ProblemException.invalidField(field, "demandOtherCommunity", demand.title);
            }
            if (demand.status != DemandStatus.OPEN) {
                throw ProblemException.conflictOnField(field, "demandNotOpen", demand.title, demand.status.name());
            }
            demands.add(demand);
        }
        List<UUID> resourceIds = new ArrayList<>(new LinkedHashSet<>(input.resourceIds() == null ? List.of() : input.resourceIds()));
        for (int i = 0; i < resourceIds.size(); i++) {
            UUID resourceId = resourceIds.get(i);
            String field = "resourceIds[" + i + "]";
            OfferedResource resource = OfferedResource.<OfferedResource>findByIdOptional(resourceId)
                    .orElseThrow(() -> ProblemException.invalidField(field, "resourceUnknown", resourceId));
            if (!resource.orgPath.startsWith(scope)) {
                throw ProblemException.invalidField(field, "resourceOtherCommunity", resource.title);
            }
            if (!OfferedResource.AVAILABLE.equals(resource.status)) {
                throw ProblemException.invalidField(field, "resourceWithdrawn", resource.title);
            }
        }
        Instant now = Instant.now();
        Project project = new Project();
        project.name = input.name().trim();
        project.kind = input.kind();
        project.teamId = team.id;
        project.orgPath = team.orgPath;
        project.description = blank(input.description());
        project.status = ProjectStatus.PLANNED;
        project.plannedStart = input.plannedStart();
        project.plannedEnd = input.plannedEnd();
        project.createdAt = now;
        project.updatedAt = now;
        for (Demand demand : demands) {
            project.demands.add(new Project.DemandLink(demand.id, false));
            demand.status = DemandStatus.IN_PROJECT;
            demand.updatedAt = now;
        }
        project.resourceIds.addAll(resourceIds);
        project.persistAndFlush();
        audit.record("project.create", "project", project.id, team.orgPath, AuditLog.summary("name", project.name, "kind", input.kind(),
                "teamId", team.id, "demandIds", demandIds, "resourceIds", resourceIds));
        return view(project);
    }

    @Transactional
    public ProjectView start(UUID id, String ifMatch) {
        Project project = lock(id, ifMatch, ProjectStatus.IN_PROGRESS);
        Instant now = Instant.now();
        project.status = ProjectStatus.IN_PROGRESS;
        project.startedAt = now;
        project.updatedAt = now;
        project.flush();
        audit.record("project.start", "project", id, project.orgPath, AuditLog.summary("status", ProjectStatus.IN_PROGRESS));
        return view(project);
    }

    @Transactional
    public ProjectView complete(UUID id, CompleteInput input, String ifMatch) {
        Project project = lock(id, ifMatch, ProjectStatus.DONE);
        Set<UUID> own = new HashSet<>(project.demandIds());
        for (int i = 0; i < input.closedDemandIds().size(); i++) {
            if (!own.contains(input.closedDemandIds().get(i))) {
                throw ProblemException.invalidField("closedDemandIds[" + i + "]", "demandNotInProject", input.closedDemandIds().get(i));
            }
        }
        Instant now = Instant.now();
        project.status = ProjectStatus.DONE;
        project.outcome = input.outcome().trim();
        project.finishedAt = now;
        project.updatedAt = now;
        for (UUID demandId : project.demandIds()) {
            Demand demand = Demand.findById(demandId, LockModeType.PESSIMISTIC_WRITE);
            if (input.closedDemandIds().contains(demandId)) {
                project.close(demandId);
                demand.status = DemandStatus.CLOSED;
                demand.closedByProject = id;
                demand.updatedAt = now;
            } else {
                reopen(demand, now);
            }
        }
        project.flush();
        audit.record("project.complete", "project", id, project.orgPath, AuditLog.summary("status", ProjectStatus.DONE,
                "closedDemandIds", input.closedDemandIds()));
        return view(project);
    }

    @Transactional
    public ProjectView cancel(UUID id, CancelInput input, String ifMatch) {
        Project project = lock(id, ifMatch, ProjectStatus.CANCELLED);
        Instant now = Instant.now();
        project.status = ProjectStatus.CANCELLED;
        project.outcome = input.reason().trim();
        project.finishedAt = now;
        project.updatedAt = now;
        for (UUID demandId : project.demandIds()) {
            reopen(Demand.findById(demandId, LockModeType.PESSIMISTIC_WRITE), now);
        }
        project.flush();
        audit.record("project.cancel", "project", id, project.orgPath, AuditLog.summary("status", ProjectStatus.CANCELLED,
                "reason", input.reason().trim()));
        return view(project);
    }

    public Optional<ProjectView> find(UUID id) {
        return Project.<Project>findByIdOptional(id).map(ProjectService::view);
    }

    public List<ProjectView> search(OrgUnitRef within, ProjectStatus status, UUID teamId, PageRequest page) {
        return query(within, status, teamId).page(page.page, page.size).<Project>list().stream().map(ProjectService::view).toList();
    }

    public long count(OrgUnitRef within, ProjectStatus status, UUID teamId) {
        return query(within, status, teamId).count();
    }

    private static PanacheQuery<Project> query(OrgUnitRef within, ProjectStatus status, UUID teamId) {
        Where where = new Where().within("orgPath", within).equal("status", status).equal("teamId", teamId);
        return Project.find(where.hql(), Sort.by("createdAt").and("id"), where.params());
    }

    /** The project under its row lock, when the caller may change it, the If-Match is current and it may become {@code next}. */
    private Project lock(UUID id, String ifMatch, ProjectStatus next) {
        Project project = Project.<Project>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("project", id));
        caller.require(caller.admin());
        caller.requireIn(caller.adminScope(), project.orgPath);
        Preconditions.checkMatch(ifMatch, project.version);
        if (!project.status.mayBecome(next)) {
            throw ProblemException.conflict("projectTransition", project.status, next);
        }
        return project;
    }

    /** A demand leaves a project: open again unless already closed. */
    private static void reopen(Demand demand, Instant now) {
        if (demand.status == DemandStatus.IN_PROJECT) {
            demand.status = DemandStatus.OPEN;
            demand.updatedAt = now;
        }
    }

    private static ProjectView view(Project project) {
        return new ProjectView(project.id, project.name, project.kind, project.teamId, project.description, project.status,
                project.plannedStart, project.plannedEnd, project.outcome, project.demandIds(), project.closedDemandIds(),
                List.copyOf(project.resourceIds), Times.local(project.startedAt), Times.local(project.finishedAt), project.version,
                Times.local(project.createdAt));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
