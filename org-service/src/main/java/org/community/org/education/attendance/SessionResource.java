package org.community.org.education.attendance;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.community.org.education.program.ProgramRepository;
import org.community.org.education.program.ProgramViews;
import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/v1/education/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Education: attendance", description = "Sessions, sign-in codes (签到码), attendance per venue")
public class SessionResource {

    @Inject
    AttendanceService service;

    @Inject
    AttendanceRepository attendance;

    @Inject
    ProgramRepository programs;

    @GET
    @Path("{id}")
    @Operation(operationId = "getEducationSession", summary = "Read a session", description = "With its venues and the attendance recorded at each. Readable where the "
            + "program's unit or a venue's host unit is in scope.")
    public ProgramViews.Session get(@PathParam("id") UUID id) {
        service.readable(id);
        return programs.sessionView(id).orElseThrow();
    }

    @POST
    @Path("{id}/sign-in-codes")
    @Operation(operationId = "issueSessionSignInCode", summary = "Issue a sign-in code to show at a venue", description = "Admin roles seeing the program's unit or the venue's "
            + "host. From 30 minutes before the session until its end, program OPEN. The 6-digit code works for "
            + "`org.education.sign-in-code.valid-for` (15 minutes by default, never past the session's end); issuing another "
            + "does not revoke the first.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AttendanceViews.SignInCode.class)), description = "Issued")
    public Response issueCode(@PathParam("id") UUID id, @Valid @NotNull AttendanceInputs.CodeRequest input) {
        return Response.status(Response.Status.CREATED).entity(service.issueCode(id, input.venueId())).build();
    }

    @POST
    @Path("{id}/sign-ins")
    @Operation(operationId = "signInToSession", summary = "Sign in with the code shown at the venue", description = "By an enrolled member whose account is linked "
            + "(`PUT /api/v1/members/{id}/account`), or by an admin role typing it for a member of their scope (`memberId`). "
            + "A wrong or expired code is 422 naming `code`; signing in twice is 409 and records nothing.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AttendanceViews.Attendance.class)), description = "Signed in")
    public Response signIn(@PathParam("id") UUID id, @Valid @NotNull AttendanceInputs.SignIn input) {
        AttendanceViews.Attendance line = service.signIn(id, input);
        return Response.created(URI.create("/api/v1/education/sessions/" + id + "/attendance")).entity(line).build();
    }

    @POST
    @Path("{id}/attendance")
    @Operation(operationId = "recordSessionAttendance", summary = "Record a member's attendance", description = "Admin roles seeing the program's unit, or the venue's host for "
            + "members of their scope; program OPEN; the member enrolled. Recorded already (e.g. by a second clerk) is 409.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AttendanceViews.Attendance.class)), description = "Recorded")
    public Response record(@PathParam("id") UUID id, @Valid @NotNull AttendanceInputs.Staff input) {
        service.record(id, input);
        return Response.created(URI.create("/api/v1/education/sessions/" + id + "/attendance"))
                .entity(attendance.one(id, input.memberId()).orElseThrow()).build();
    }

    @POST
    @Path("{id}/attendance/batch")
    @Operation(operationId = "recordSessionAttendanceBatch", summary = "Record the attendance of many members at one venue", description = "Up to 2,000 members in one statement, all "
            + "checked first (all or nothing); members recorded already are counted, not refused, so a retried batch adds nothing.")
    @APIResponse(responseCode = "200", description = "Recorded")
    public AttendanceViews.BatchResult batch(@PathParam("id") UUID id, @Valid @NotNull AttendanceInputs.Batch input) {
        return service.recordBatch(id, input);
    }

    @GET
    @Path("{id}/attendance")
    @Operation(operationId = "listSessionAttendance", summary = "The attendance of a session, paged", description = "In tree order; at one venue with `venueId`.")
    public Page<AttendanceViews.Attendance> list(@PathParam("id") UUID id, @QueryParam("venueId") UUID venueId,
            @Valid @BeanParam PageRequest page) {
        service.readable(id);
        return Page.of(attendance.attendance(id, venueId, page), page, attendance.countAttendance(id, venueId));
    }
}
