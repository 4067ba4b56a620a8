package org.community.consultation.meeting;

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
import org.community.conventions.problem.ProblemException;
import org.community.consultation.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings", description = "议事: open space, round table, weekend evening talk, tripartite dialogue, hearing, courtyard council")
public class MeetingResource {

    @Inject
    MeetingService service;

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createMeeting", summary = "Schedule a meeting", description = "On one or more topics that are still open.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.class)), description = "Scheduled")
    public Response create(@Valid @NotNull MeetingInputs.MeetingInput input) {
        MeetingService.Row m = service.create(input);
        return Response.created(URI.create("/api/v1/meetings/" + m.id())).tag(Preconditions.etag(m.version())).entity(service.view(m, true))
                .build();
    }

    @GET
    @Operation(operationId = "listMeetings", summary = "List meetings", description = "Latest first; of one topic, or under an org unit. Only meetings inside the "
            + "caller's scope (admin roles and grid workers; empty for other roles); `within` only narrows.")
    public Page<MeetingView> list(@QueryParam("topicId") UUID topicId,
            @QueryParam("within") @Parameter(description = "Org unit id: only meetings at or under it") UUID within,
            @Valid @BeanParam PageRequest page) {
        String path = null;
        if (within != null) {
            path = orgUnits.pathOf(within).orElse(null);
            if (path == null) {
                return Page.of(List.of(), page, 0);
            }
        }
        return Page.of(service.list(topicId, path, caller.readScope(), page).stream().map(m -> service.view(m, false)).toList(), page,
                service.count(topicId, path, caller.readScope()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMeeting", summary = "Read a meeting", description = "With registrations, attendance, opinions per party and follow-ups.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        MeetingService.Row m = find(id);
        return Preconditions.okWithEtag(request, m.version(), service.view(m, true));
    }

    @POST
    @Path("{id}/registrations")
    @Operation(operationId = "registerForMeeting", summary = "Register for a meeting", description = "Admin roles and grid workers in scope. 409 when the person is already "
            + "registered or the meeting is not scheduled.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.RegistrationView.class)), description = "Registered")
    public Response register(@PathParam("id") UUID id, @Valid @NotNull MeetingInputs.RegistrationInput input) {
        return Response.status(201).entity(service.register(id, input, false)).build();
    }

    @POST
    @Path("{id}/attendance")
    @Operation(operationId = "recordMeetingAttendance", summary = "Record attendance", description = "Marks a registered person present, or adds a walk-in. Admin roles and grid "
            + "workers in scope.")
    @APIResponse(responseCode = "200", description = "Recorded")
    public MeetingView.RegistrationView attend(@PathParam("id") UUID id, @Valid @NotNull MeetingInputs.RegistrationInput input) {
        return service.register(id, input, true);
    }

    @POST
    @Path("{id}/minutes")
    @Operation(operationId = "recordMeetingMinutes", summary = "Record the minutes", description = "The summary, each party's opinions and the follow-up items; the meeting is then HELD. "
            + "Requires If-Match.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.class)), description = "Recorded")
    public Response minutes(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull MeetingInputs.MinutesInput input) {
        MeetingService.Row m = service.recordMinutes(id, input, ifMatch);
        return Response.ok(service.view(m, true)).tag(Preconditions.etag(m.version())).build();
    }

    @POST
    @Path("{id}/follow-ups/{followUpId}/done")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "completeMeetingFollowUp", summary = "Mark a follow-up item done", description = "Records when a follow-up "
            + "item agreed in the meeting's minutes was done; the answer is the item.")
    @APIResponse(responseCode = "200", description = "Done")
    public MeetingView.FollowUpView followUpDone(@PathParam("id") UUID id, @PathParam("followUpId") UUID followUpId) {
        return service.completeFollowUp(id, followUpId);
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "cancelMeeting", summary = "Cancel a meeting", description = "A scheduled meeting; requires If-Match.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MeetingView.class)), description = "Cancelled")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        MeetingService.Row m = service.cancel(id, ifMatch);
        return Response.ok(service.view(m, true)).tag(Preconditions.etag(m.version())).build();
    }

    private MeetingService.Row find(UUID id) {
        return service.readable(id).orElseThrow(() -> ProblemException.notFound("meeting", id));
    }
}
