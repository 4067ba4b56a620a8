package org.community.volunteer.activity;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.community.volunteer.hours.CheckInput;
import org.community.volunteer.hours.HoursService;
import org.community.volunteer.hours.ServiceRecord;
import org.community.volunteer.hours.ServiceRecordView;
import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Activities", description = "Activities (shifts) of teams: capacity-enforced sign-up with a waitlist, check-in and check-out")
public class ActivityResource {

    @Inject
    ActivityService service;

    @Inject
    HoursService hours;

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createActivity", summary = "Create an activity", description = "Admin roles and team leaders, for an active team inside their scope (403 "
            + "elsewhere); a 6-digit check-in code is generated.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityView.class)), description = "Created; Location and ETag set")
    public Response create(@Valid @NotNull ActivityInput input) {
        Activity activity = service.create(input);
        return Response.created(URI.create("/api/v1/activities/" + activity.id)).tag(Preconditions.etag(activity.version))
                .entity(ActivityView.of(activity)).build();
    }

    @GET
    @Operation(operationId = "listActivities", summary = "Search activities", description = "By team, org subtree, category, status and time range; by start time. "
            + "Published activities are public to every authenticated caller.")
    public Page<ActivityView> search(@QueryParam("teamId") UUID teamId,
            @QueryParam("orgUnitId") @Parameter(description = "Only activities of teams in this unit's subtree") UUID orgUnitId,
            @QueryParam("category") String category, @QueryParam("status") ActivityStatus status,
            @QueryParam("from") @Parameter(description = "Ending after, RFC 3339") OffsetDateTime from,
            @QueryParam("to") @Parameter(description = "Starting before, RFC 3339") OffsetDateTime to,
            @Valid @BeanParam PageRequest page) {
        ActivityService.Filter filter = new ActivityService.Filter(teamId,
                orgUnitId == null ? null : orgUnits.forRead("orgUnitId", orgUnitId), category, status,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
        return Page.of(service.search(filter, page).stream().map(ActivityView::of).toList(), page, service.count(filter));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getActivity", summary = "Read an activity", description = "Public: with confirmed and waitlisted counts (not the sign-ups); ETag set.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Activity activity = find(id);
        return Preconditions.okWithEtag(request, activity.version, ActivityView.of(activity));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateActivity", summary = "Update an activity", description = "Admin roles and team leaders inside their scope. Requires If-Match. More places promote waitlisted sign-ups at once; "
            + "fewer places than confirmed sign-ups is 409. New times move every sign-up (409 if a volunteer would overlap).")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ActivityInput input) {
        Activity activity = service.update(id, input, ifMatch);
        return Response.ok(ActivityView.of(activity)).tag(Preconditions.etag(activity.version)).build();
    }

    @POST
    @Path("{id}/cancel")
    @Operation(operationId = "cancelActivity", summary = "Cancel an activity", description = "Admin roles and team leaders inside their scope. Every sign-up is cancelled. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityView.class)), description = "Cancelled")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        Activity activity = service.cancel(id, ifMatch);
        return Response.ok(ActivityView.of(activity)).tag(Preconditions.etag(activity.version)).build();
    }

    @GET
    @Path("{id}/check-in-code")
    @Operation(operationId = "getCheckInCode", summary = "The check-in code to show at the activity", description = "For the leader's screen (admin roles and team leaders "
            + "inside their scope, 403 for others); volunteers type it to check in and out.")
    public CheckInCode code(@PathParam("id") UUID id) {
        Activity activity = find(id);
        caller.requireIn(caller.workScope(), activity.orgPath);
        return new CheckInCode(id, activity.checkinCode);
    }

    @POST
    @Path("{id}/check-in-code/rotate")
    @Operation(operationId = "rotateCheckInCode", summary = "Rotate the check-in code", description = "Admin roles and team leaders inside their scope. A new 6-digit code; the old one stops working at once.")
    @APIResponse(responseCode = "200", description = "The new code")
    public CheckInCode rotate(@PathParam("id") UUID id) {
        return new CheckInCode(id, service.rotateCode(id));
    }

    @POST
    @Path("{id}/signups")
    @Operation(operationId = "signUpForActivity", summary = "Sign up for an activity", description = "CONFIRMED while places are left, else WAITLISTED (not an error). "
            + "409 when already signed up, when it overlaps another sign-up of the volunteer, or outside the sign-up window; "
            + "422 when required skills are missing. Volunteers sign themselves up; admin roles and team leaders sign up anyone for "
            + "activities of their scope (403 otherwise).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SignupView.class)), description = "Signed up, confirmed or waitlisted")
    public Response signUp(@PathParam("id") UUID id, @Valid @NotNull SignupInput input) {
        Signup signup = service.signUp(id, input);
        return Response.created(URI.create("/api/v1/activities/" + id + "/signups/" + signup.id)).entity(view(signup)).build();
    }

    @GET
    @Path("{id}/signups")
    @Operation(operationId = "listActivitySignups", summary = "Sign-ups of an activity", description = "Confirmed first, then the waitlist in order, then cancelled. Admin roles, "
            + "grid workers and team leaders inside their scope (403 for others: volunteers see their own under /volunteers/{id}/signups).")
    public Page<SignupView> signups(@PathParam("id") UUID id, @QueryParam("status") SignupStatus status,
            @Valid @BeanParam PageRequest page) {
        caller.requireIn(caller.readScope(), find(id).orgPath);
        return Page.of(service.signups(id, status, page).stream().map(r -> SignupView.of(r.signup(), r.volunteerName(), r.position()))
                .toList(), page, service.countSignups(id, status));
    }

    @GET
    @Path("{id}/signups/{signupId}")
    @Operation(operationId = "getActivitySignup", summary = "Read a sign-up", description = "With its waitlist position when waitlisted. The volunteer's own, or inside the scope "
            + "of admin roles, grid workers and team leaders (404 otherwise).")
    public SignupView signup(@PathParam("id") UUID id, @PathParam("signupId") UUID signupId) {
        Activity activity = find(id);
        return view(service.signup(id, signupId)
                .filter(s -> caller.isSelf(s.volunteerId) || caller.readScope().contains(activity.orgPath))
                .orElseThrow(() -> ProblemException.notFound("signup", signupId)));
    }

    @POST
    @Path("{id}/signups/{signupId}/cancel")
    @Operation(operationId = "cancelActivitySignup", summary = "Cancel a sign-up", description = "The volunteer themself, or admin roles and team leaders inside their scope. A freed place goes to the oldest waitlisted sign-up. 409 once checked in.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    public SignupView cancelSignup(@PathParam("id") UUID id, @PathParam("signupId") UUID signupId) {
        return view(service.cancelSignup(id, signupId));
    }

    @POST
    @Path("{id}/check-ins")
    @Operation(operationId = "checkInToActivity", summary = "Check in", description = "With the code shown at the activity (the volunteer themself), or by a leader or deputy "
            + "(admin roles and team leaders inside their scope). Only confirmed "
            + "sign-ups; from shortly before the start until the end; once per volunteer (409 on a second check-in).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceRecordView.class)), description = "Checked in; the service record is created")
    public Response checkIn(@PathParam("id") UUID id, @Valid @NotNull CheckInput input) {
        ServiceRecord record = hours.checkIn(id, input);
        return Response.created(URI.create("/api/v1/service-records/" + record.id())).entity(ServiceRecordView.of(record)).build();
    }

    @POST
    @Path("{id}/check-outs")
    @Operation(operationId = "checkOutOfActivity", summary = "Check out", description = "Closes the volunteer's record and computes its minutes within the activity's "
            + "time; the record then awaits a leader's review. 409 before check-in or when already checked out.")
    @APIResponse(responseCode = "200", description = "Checked out")
    public ServiceRecordView checkOut(@PathParam("id") UUID id, @Valid @NotNull CheckInput input) {
        return ServiceRecordView.of(hours.checkOut(id, input));
    }

    private Activity find(UUID id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("activity", id));
    }

    private SignupView view(Signup signup) {
        Integer position = signup.status == SignupStatus.WAITLISTED ? service.waitlistPosition(signup) : null;
        return SignupView.of(signup, null, position);
    }
}
