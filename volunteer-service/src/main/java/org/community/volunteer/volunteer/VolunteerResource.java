package org.community.volunteer.volunteer;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

import org.community.volunteer.activity.ActivityService;
import org.community.volunteer.activity.SignupView;
import org.community.volunteer.certificate.Certificate;
import org.community.volunteer.certificate.CertificateInput;
import org.community.volunteer.certificate.CertificateService;
import org.community.conventions.db.Db;
import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.security.Caller;
import org.community.volunteer.security.Scope;
import org.community.volunteer.stats.Leaderboard;
import org.community.volunteer.stats.StatsService;
import org.community.volunteer.stats.UnitStats;
import org.community.volunteer.team.MembershipView;
import org.community.volunteer.team.TeamService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/volunteers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Volunteers", description = "Volunteers (志愿者): registration, real-name verification, teams, hours, stars, certificates")
public class VolunteerResource {

    @Inject
    VolunteerService service;

    @Inject
    BatchRegistration batch;

    @Inject
    TeamService teams;

    @Inject
    ActivityService activities;

    @Inject
    CertificateService certificates;

    @Inject
    StatsService stats;

    @Inject
    OrgUnits orgUnits;

    @Inject
    Db db;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "registerVolunteer", summary = "Register a volunteer", description = "Admin roles register someone in a unit of their scope (403 outside), "
            + "optionally with their `account`; anyone else registers themself (the profile gets the caller's account; one per account, 409). "
            + "Phone and ID number are unique (409); the ID number's check digit is verified; the org unit, when given, is checked with org-service.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VolunteerView.class)), description = "Registered; Location and ETag set")
    public Response register(@Valid @NotNull VolunteerInput input) {
        Volunteer volunteer = service.register(input);
        return Response.created(URI.create("/api/v1/volunteers/" + volunteer.id)).tag(Preconditions.etag(volunteer.version))
                .entity(view(volunteer)).build();
    }

    @POST
    @Path("batch")
    @Operation(operationId = "registerVolunteerBatch", summary = "Register volunteers in bulk", description = "批量登记: 1 to 500 registrations at once (a community's spreadsheet), "
            + "by admin roles in units of their scope, all or nothing. Each item follows the rules of POST /api/v1/volunteers "
            + "(an `account` may link a profile to its login). Every item is checked before anything is written, and all findings come "
            + "back in one problem naming `volunteers[i].field`: **400** for Bean Validation errors, a wrong ID number check character "
            + "or a phone, ID number or account given twice in the batch; otherwise **422** for an unknown or dissolved org unit or a "
            + "phone, ID number or account registered already (409 on a single registration). Each distinct org unit is checked "
            + "with org-service once per batch; one outside the caller's scope (or an item without a unit, except for CITY_ADMIN) "
            + "makes the batch **403**. One transaction writes the volunteers and one audit entry per volunteer "
            + "(`volunteer.batch-register`, sharing the request id). Send an `Idempotency-Key` to retry safely.")
    @APIResponse(responseCode = "201", description = "All registered; `ids[i]` is the new id of `volunteers[i]`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VolunteerBatchResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid items, nothing written: each named `volunteers[i].field`; more than 500 "
            + "items names `volunteers`", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "duplicate", value = "{\"type\":\"urn:community-suite:problem:validation\","
                            + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"2 error(s) in the batch; no volunteer was registered\","
                            + "\"instance\":\"/api/v1/volunteers/batch\",\"errors\":[{\"field\":\"volunteers[3].phone\","
                            + "\"message\":\"Same as volunteers[0] of this batch\"},{\"field\":\"volunteers[7].idNumber\","
                            + "\"message\":\"The ID number's check character is wrong\"}]}")))
    @APIResponse(responseCode = "422", description = "Items that the stored data make impossible, nothing written: unknown or dissolved "
            + "org unit, phone / ID number / account registered already", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "taken", value = "{\"type\":"
                            + "\"urn:community-suite:problem:unprocessable\",\"title\":\"Request cannot be processed\",\"status\":422,"
                            + "\"detail\":\"1 error(s) in the batch; no volunteer was registered\",\"instance\":\"/api/v1/volunteers/batch\","
                            + "\"errors\":[{\"field\":\"volunteers[12].phone\",\"message\":\"Phone 138****1234 is already registered\"}]}")))
    @APIResponse(responseCode = "403", description = "Not an admin role, a unit outside the caller's scope, or an item without a unit "
            + "from someone else than CITY_ADMIN; nothing written")
    @APIResponse(responseCode = "503", description = "org-service is unavailable, so the units cannot be checked; nothing written")
    public Response registerBatch(@Valid @NotNull VolunteerBatchInput input) {
        return Response.status(Response.Status.CREATED).entity(batch.register(input.volunteers())).build();
    }

    @GET
    @Path("me")
    @Operation(operationId = "getMyVolunteerProfile", summary = "The caller's own volunteer profile", description = "Linked by the token's `sub`; unmasked. 404 before registering.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = VolunteerView.class)))
    @APIResponse(responseCode = "404", description = "The caller has not registered as a volunteer yet")
    public Response me(@Context Request request) {
        Volunteer volunteer = service.findByAccount(caller.subject())
                .orElseThrow(() -> new ProblemException(org.community.conventions.problem.ProblemType.NOT_FOUND, "noVolunteerProfile"));
        return Preconditions.okWithEtag(request, volunteer.version, view(volunteer));
    }

    @GET
    @Operation(operationId = "listVolunteers", summary = "Search volunteers", description = "Within an org unit's subtree, by part of the name, a skill, or verification status. "
            + "Admin roles, grid workers and team leaders see the volunteers of their scope (`orgUnitId` outside it is 403); others only their own profile.")
    public Page<VolunteerView> search(@QueryParam("orgUnitId") @Parameter(description = "Only volunteers registered in this unit's subtree") UUID orgUnitId,
            @QueryParam("q") @Size(min = 1, max = 50) @Parameter(description = "Part of the name") String q,
            @QueryParam("skill") @Pattern(regexp = "[A-Z][A-Z0-9_]*") String skill,
            @QueryParam("verificationStatus") VerificationStatus status, @Valid @BeanParam PageRequest page) {
        Scope scope = caller.readScope();
        VolunteerService.Filter filter = new VolunteerService.Filter(
                orgUnitId == null ? null : orgUnits.forRead("orgUnitId", orgUnitId, scope), q, skill, status, scope,
                caller.scopedReader() ? null : caller.subject());
        return Page.of(service.search(filter, page).stream().map(this::view).toList(), page, service.count(filter));
    }

    @GET
    @Path("leaderboard")
    @Operation(operationId = "getVolunteerLeaderboard", summary = "Hours leaderboard of an org unit's subtree", description = "Volunteers registered in the subtree by verified hours, "
            + "all-time or for one `year`; read from roll-ups. Admin roles, grid workers and team leaders inside their scope.")
    public Leaderboard leaderboard(@QueryParam("orgUnitId") @NotNull @Parameter(required = true) UUID orgUnitId,
            @QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        caller.require(caller.scopedReader());
        return stats.leaderboard(orgUnits.forRead("orgUnitId", orgUnitId, caller.readScope()), year, size);
    }

    @GET
    @Path("stats")
    @Operation(operationId = "getVolunteerStats", summary = "Volunteer statistics of an org unit's subtree", description = "The same figures as /api/v1/teams/stats; "
            + "admin roles, grid workers and team leaders inside their scope.")
    public UnitStats stats(@QueryParam("orgUnitId") @NotNull @Parameter(required = true) UUID orgUnitId) {
        caller.require(caller.scopedReader());
        return stats.stats(orgUnits.forRead("orgUnitId", orgUnitId, caller.readScope()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getVolunteer", summary = "Read a volunteer", description = "The volunteer themself, and admin roles, grid workers and team leaders inside their "
            + "scope (404 otherwise); phone and ID number masked by role; ETag set.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = VolunteerView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Volunteer volunteer = find(id);
        return Preconditions.okWithEtag(request, volunteer.version, view(volunteer));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateVolunteer", summary = "Update a volunteer", description = "By the volunteer themself or an admin role of their scope (403 otherwise). "
            + "Replaces the registration; requires If-Match. A changed name or ID number resets real-name verification to UNVERIFIED.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VolunteerView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull VolunteerInput input) {
        Volunteer volunteer = service.update(id, input, ifMatch);
        return Response.ok(view(volunteer)).tag(Preconditions.etag(volunteer.version)).build();
    }

    @POST
    @Path("{id}/verification")
    @Operation(operationId = "verifyVolunteer", summary = "Record the real-name check", description = "Admin roles inside their scope. VERIFIED (needs an ID number) or REJECTED, with a note.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VolunteerView.class)), description = "Recorded")
    public Response verify(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull VerificationInput input) {
        Volunteer volunteer = service.verify(id, input, ifMatch);
        return Response.ok(view(volunteer)).tag(Preconditions.etag(volunteer.version)).build();
    }

    @GET
    @Path("{id}/teams")
    @Operation(operationId = "listVolunteerTeams", summary = "Teams the volunteer belongs to", description = "With the role in each.")
    public List<MembershipView> teams(@PathParam("id") UUID id) {
        find(id);
        return teams.memberships(id);
    }

    @GET
    @Path("{id}/signups")
    @Operation(operationId = "listVolunteerSignups", summary = "Sign-ups of the volunteer", description = "Latest activity first.")
    public Page<SignupView> signups(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        find(id);
        return Page.of(activities.signupsOfVolunteer(id, page).stream().map(s -> SignupView.of(s, null, null)).toList(), page,
                activities.countSignupsOfVolunteer(id));
    }

    @GET
    @Path("{id}/hours")
    @Operation(operationId = "getVolunteerHours", summary = "Verified hours and star level", description = "Only verified records count; stars at 100/300/600/1000/1500 hours.")
    public HoursSummary hours(@PathParam("id") UUID id) {
        Volunteer volunteer = find(id);
        List<HoursSummary.YearHours> years = db.list("select year, minutes from volunteer_year_hours where volunteer_id = ? order by year",
                row -> new HoursSummary.YearHours(row.getInt("year"), Stars.hours(row.getLong("minutes"))), id);
        Integer next = Stars.nextThresholdHours(volunteer.verifiedMinutes);
        BigDecimal toNext = next == null ? null : BigDecimal.valueOf(next).subtract(Stars.hours(volunteer.verifiedMinutes));
        return new HoursSummary(id, Stars.hours(volunteer.verifiedMinutes), volunteer.starLevel, next, toNext, years);
    }

    @POST
    @Path("{id}/certificates")
    @Operation(operationId = "issueVolunteerCertificate", summary = "Issue a service record certificate", description = "志愿服务记录证明 for the verified records with one team, issued by "
            + "the team's organization, with a serial number. Needs real-name verification and at least one verified record (409). "
            + "By the volunteer themself or an admin role of their scope.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Certificate.class)), description = "Issued; Location is the PDF")
    public Response issue(@PathParam("id") UUID id, @Valid @NotNull CertificateInput input) {
        Volunteer volunteer = find(id);
        caller.require(caller.isSelf(id) || caller.adminScope().contains(volunteer.orgPath));
        Certificate certificate = certificates.issue(id, input);
        return Response.created(URI.create(certificate.pdf())).entity(certificate).build();
    }

    @GET
    @Path("{id}/certificates")
    @Operation(operationId = "listVolunteerCertificates", summary = "Certificates issued to the volunteer", description = "Newest first.")
    public List<Certificate> certificates(@PathParam("id") UUID id) {
        find(id);
        return certificates.list(id);
    }

    @GET
    @Path("{id}/certificates/{serial}")
    @Produces({ "application/pdf", MediaType.APPLICATION_JSON })
    @Operation(operationId = "getVolunteerCertificatePdf", summary = "Download a certificate", description = "The PDF exactly as issued.")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = "application/pdf"))
    public Response pdf(@PathParam("id") UUID id, @PathParam("serial") String serial) {
        find(id);
        byte[] document = certificates.pdf(id, serial).orElseThrow(() -> ProblemException.notFound("certificate", serial));
        return Response.ok(document, "application/pdf").header("Content-Disposition", "inline; filename=\"" + serial + ".pdf\"").build();
    }

    /** The volunteer when the caller may read it: themself, or a reader of its scope; else 404 like an unknown id. */
    private Volunteer find(UUID id) {
        return service.find(id).filter(v -> caller.isSelf(v.id) || caller.readScope().contains(v.orgPath))
                .orElseThrow(() -> ProblemException.notFound("volunteer", id));
    }

    private VolunteerView view(Volunteer volunteer) {
        return VolunteerView.of(volunteer, caller.disclosure(volunteer.orgPath, volunteer.account));
    }
}
