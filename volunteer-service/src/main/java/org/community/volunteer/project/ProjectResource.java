package org.community.volunteer.project;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.conventions.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "The project list (项目清单): secretary projects and practical matters that join demands, resources and a team")
public class ProjectResource {

    @Inject
    ProjectService service;

    @Inject
    OrgUnits orgUnits;

    @POST
    @Operation(operationId = "createProject", summary = "Plan a project", description = "With open demands and available resources of the team's community (422 otherwise); "
            + "its demands become IN_PROJECT (409 when a demand is not open). Admin roles, for a team of their scope (403 elsewhere); "
            + "consultation-service calls it with the token of the caller who adopted the resolution.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectView.class)), description = "Planned")
    public Response create(@Valid @NotNull ProjectInput input) {
        ProjectView project = service.create(input);
        return Response.created(URI.create("/api/v1/projects/" + project.id())).tag(Preconditions.etag(project.version())).entity(project)
                .build();
    }

    @GET
    @Operation(operationId = "listProjects", summary = "Search projects", description = "Within an org unit's subtree, by status and team. Projects and their progress "
            + "are public to every authenticated caller.")
    public Page<ProjectView> search(@QueryParam("orgUnitId") UUID orgUnitId, @QueryParam("status") ProjectStatus status,
            @QueryParam("teamId") UUID teamId, @Valid @BeanParam PageRequest page) {
        OrgUnitRef within = orgUnitId == null ? null : orgUnits.forRead("orgUnitId", orgUnitId);
        return Page.of(service.search(within, status, teamId, page), page, service.count(within, status, teamId));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getProject", summary = "Read a project", description = "Public: with its demands, the demands it closed, and its resources (ids).")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        ProjectView project = service.find(id).orElseThrow(() -> ProblemException.notFound("project", id));
        return Preconditions.okWithEtag(request, project.version(), project);
    }

    @POST
    @Path("{id}/start")
    @Operation(operationId = "startProject", summary = "Start a project", description = "Admin roles inside their scope. PLANNED → IN_PROGRESS; 409 from any other status.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectView.class)), description = "Started")
    public Response start(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        ProjectView project = service.start(id, ifMatch);
        return Response.ok(project).tag(Preconditions.etag(project.version())).build();
    }

    @POST
    @Path("{id}/complete")
    @Operation(operationId = "completeProject", summary = "Complete a project", description = "Admin roles inside their scope. IN_PROGRESS → DONE with its outcome; the named demands are CLOSED, the others open again.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectView.class)), description = "Done")
    public Response complete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull CompleteInput input) {
        ProjectView project = service.complete(id, input, ifMatch);
        return Response.ok(project).tag(Preconditions.etag(project.version())).build();
    }

    @POST
    @Path("{id}/cancel")
    @Operation(operationId = "cancelProject", summary = "Cancel a project", description = "Admin roles inside their scope. From PLANNED or IN_PROGRESS, with a reason; its demands open again.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectView.class)), description = "Cancelled")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull CancelInput input) {
        ProjectView project = service.cancel(id, input, ifMatch);
        return Response.ok(project).tag(Preconditions.etag(project.version())).build();
    }
}
