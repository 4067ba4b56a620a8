package org.community.consultation.resolution;

import java.net.URI;
import java.util.List;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.consultation.orgunits.OrgUnits;
import org.community.consultation.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/resolutions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Resolutions", description = "决议: public notice and objections, tasks with progress, volunteer projects")
public class ResolutionResource {

    @Inject
    ResolutionService service;

    @Inject
    ResolutionRepository resolutions;

    @Inject
    ResolutionProjects projects;

    @Inject
    ResolutionAccess access;

    @Inject
    Caller caller;

    @Inject
    OrgUnits orgUnits;

    @POST
    @Operation(operationId = "createResolution", summary = "Draft a resolution", description = "On a topic in the RESOLUTION stage, resting on a passed vote of that topic or "
            + "on its recorded consensus.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResolutionView.class)), description = "Created as a DRAFT")
    public Response create(@Valid @NotNull Inputs.ResolutionInput input) {
        Resolution r = service.create(input);
        return Response.created(URI.create("/api/v1/resolutions/" + r.id())).tag(Preconditions.etag(r.version()))
                .entity(ResolutionView.of(r, null, null, null)).build();
    }

    @GET
    @Operation(operationId = "listResolutions", summary = "List resolutions", description = "Newest first, optionally of one topic, of the topics "
            + "at or under an org unit (`within`: a community's resolutions for its notice board) and in one status. Published resolutions "
            + "are public; drafts are listed for admin roles and grid workers inside their scope.")
    public Page<ResolutionView> list(@QueryParam("topicId") UUID topicId,
            @QueryParam("within") @Parameter(description = "Org unit id: only resolutions of topics at or under it") UUID within,
            @QueryParam("status") ResolutionStatus status, @Valid @BeanParam PageRequest page) {
        String path = null;
        if (within != null) {
            path = orgUnits.pathOf(within).orElse(null);
            if (path == null) {
                return Page.of(List.of(), page, 0);
            }
        }
        ResolutionRepository.Filter filter = new ResolutionRepository.Filter(topicId, path, status, caller.readScope());
        return Page.of(resolutions.list(filter, page).stream().map(r -> ResolutionView.of(r, null, null, null)).toList(),
                page, resolutions.count(filter));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getResolution", summary = "Read a resolution", description = "With objections, tasks and the volunteer project's current status (read with "
            + "the caller's token). A published one is public, with the number of objections; the objections themselves are shown to "
            + "admin roles and grid workers inside their scope. 404 for a draft outside the caller's scope.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResolutionView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Resolution r = find(id);
        return Preconditions.okWithEtag(request, r.version(), full(r));
    }

    @POST
    @Path("{id}/publish")
    @Operation(operationId = "publishResolution", summary = "Publish a resolution", description = "Starts the public notice period. Requires If-Match.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResolutionView.class)), description = "Published")
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull Inputs.PublishRequest input) {
        Resolution r = service.publish(id, input, ifMatch);
        return Response.ok(full(r)).tag(Preconditions.etag(r.version())).build();
    }

    @POST
    @Path("{id}/objections")
    @Operation(operationId = "objectToResolution", summary = "File an objection", description = "During the notice period only (409 otherwise); by a caller whose org units "
            + "lie in or above the topic's unit (a resident of that community) or an admin role in scope; 403 otherwise.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResolutionView.ObjectionView.class)), description = "Filed")
    public Response object(@PathParam("id") UUID id, @Valid @NotNull Inputs.ObjectionInput input) {
        ResolutionView.ObjectionView o = service.object(id, input);
        return Response.created(URI.create("/api/v1/resolutions/" + id + "/objections/" + o.id())).entity(o).build();
    }

    @GET
    @Path("{id}/objections")
    @Operation(operationId = "listResolutionObjections", summary = "Objections to a resolution", description = "Oldest first, with their answers. Admin roles and grid workers in "
            + "scope (403 for others reading a published resolution).")
    public List<ResolutionView.ObjectionView> objections(@PathParam("id") UUID id) {
        access.inReadScope(id);
        return resolutions.objections(id).stream().map(Objection::view).toList();
    }

    @POST
    @Path("{id}/objections/{objectionId}/answer")
    @Operation(operationId = "answerResolutionObjection", summary = "Answer an objection", description = "Once; 409 when already answered.")
    @APIResponse(responseCode = "200", description = "Answered")
    public ResolutionView.ObjectionView answer(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId,
            @Valid @NotNull Inputs.AnswerInput input) {
        return service.answer(id, objectionId, input);
    }

    @POST
    @Path("{id}/tasks")
    @Operation(operationId = "addResolutionTask", summary = "Add a task", description = "To a published resolution.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResolutionView.TaskView.class)), description = "Added")
    public Response addTask(@PathParam("id") UUID id, @Valid @NotNull Inputs.TaskInput input) {
        ResolutionView.TaskView t = service.addTask(id, input);
        return Response.created(URI.create("/api/v1/resolutions/" + id + "/tasks/" + t.id())).tag(Preconditions.etag(t.version()))
                .entity(t).build();
    }

    @GET
    @Path("{id}/tasks")
    @Operation(operationId = "listResolutionTasks", summary = "Tasks of a resolution", description = "With their progress history.")
    public List<ResolutionView.TaskView> tasks(@PathParam("id") UUID id) {
        find(id);
        return tasksOf(id);
    }

    @POST
    @Path("{id}/tasks/{taskId}/progress")
    @Operation(operationId = "reportResolutionTaskProgress", summary = "Record progress on a task", description = "100 marks it DONE. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResolutionView.TaskView.class)), description = "Recorded")
    public Response progress(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Inputs.ProgressInput input) {
        ResolutionView.TaskView t = service.progress(id, taskId, input, ifMatch);
        return Response.ok(t).tag(Preconditions.etag(t.version())).build();
    }

    @POST
    @Path("{id}/project")
    @Operation(operationId = "startResolutionProject", summary = "Start a volunteer project", description = "Creates the project in volunteer-service; 503 with nothing written when "
            + "it cannot be reached, 409 when the resolution already has a project or is not published.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResolutionView.class)), description = "Started")
    public Response startProject(@PathParam("id") UUID id, @Valid @NotNull Inputs.ProjectInput input) {
        Resolution r = service.startProject(id, input);
        return Response.status(201).tag(Preconditions.etag(r.version())).entity(full(r)).build();
    }

    private ResolutionView full(Resolution r) {
        List<ResolutionView.ObjectionView> objections = access.readsAll(r)
                ? resolutions.objections(r.id()).stream().map(Objection::view).toList()
                : null;
        return ResolutionView.of(r, objections, objections == null ? resolutions.countObjections(r.id()) : (long) objections.size(),
                tasksOf(r.id()), r.projectId() == null ? null : projects.status(r));
    }

    private List<ResolutionView.TaskView> tasksOf(UUID id) {
        return resolutions.tasks(id).stream().map(t -> t.view(resolutions.history(t.id))).toList();
    }

    private Resolution find(UUID id) {
        return access.readable(id);
    }
}
