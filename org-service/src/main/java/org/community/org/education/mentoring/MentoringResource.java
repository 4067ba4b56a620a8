package org.community.org.education.mentoring;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/education/studios")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Education: mentoring", description = "Secretaries' studios (书记工作室): mentor/mentee pairs, sessions, the mentee's progress")
public class MentoringResource {

    @Inject
    MentoringService service;

    @Inject
    MentoringRepository mentoring;

    @Inject
    OrgUnitRepository units;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createStudio", summary = "Found a studio", description = "Admin roles of the unit (e.g. a town), led by a party member of its tree. "
            + "Names are unique per unit.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MentoringViews.Studio.class)), description = "Founded")
    public Response create(@Valid @NotNull MentoringInputs.Studio input) {
        UUID id = service.createStudio(input);
        return Response.created(URI.create("/api/v1/education/studios/" + id)).entity(mentoring.studioView(id).orElseThrow()).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getStudio", summary = "Read a studio", description = "With its lead and the number of pairs.")
    public MentoringViews.Studio get(@PathParam("id") UUID id) {
        visibleStudio(id);
        return mentoring.studioView(id).orElseThrow();
    }

    @GET
    @Operation(operationId = "listStudios", summary = "Studios of a subtree, paged", description = "Oldest first.")
    public Page<MentoringViews.Studio> list(@QueryParam("within") @NotNull @Parameter(description = "Subtree root") UUID within,
            @Valid @BeanParam PageRequest page) {
        caller.require(Access.RECORDS);
        OrgUnit unit = units.find(within).orElseThrow(() -> ProblemException.notFound("orgUnit", within));
        caller.requireIn(Access.RECORDS, unit.path());
        return Page.of(mentoring.studios(unit.path(), caller.scope(), page), page, mentoring.countStudios(unit.path(), caller.scope()));
    }

    @POST
    @Path("{id}/mentorships")
    @Operation(operationId = "pairMentorship", summary = "Pair a mentor with a mentee", description = "Both members of the studio unit's tree, in any of its "
            + "communities; a pair is active once at a time (409).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MentoringViews.Mentorship.class)), description = "Paired")
    public Response pair(@PathParam("id") UUID id, @Valid @NotNull MentoringInputs.Mentorship input) {
        UUID pairId = service.pair(id, input);
        MentoringViews.Mentorship view = mentoring.pairView(pairId).orElseThrow();
        return Response.created(URI.create("/api/v1/education/studios/mentorships/" + pairId)).entity(view)
                .tag(Preconditions.etag(view.version())).build();
    }

    @GET
    @Path("{id}/mentorships")
    @Operation(operationId = "listMentorships", summary = "The pairs of a studio, paged", description = "Oldest first, with each mentee's progress; by status.")
    public Page<MentoringViews.Mentorship> pairs(@PathParam("id") UUID id, @QueryParam("status") MentorshipStatus status,
            @Valid @BeanParam PageRequest page) {
        visibleStudio(id);
        return Page.of(mentoring.pairs(id, status, page), page, mentoring.countPairs(id, status));
    }

    @GET
    @Path("mentorships/{pairId}")
    @Operation(operationId = "getMentorship", summary = "Read a mentorship", description = "With its sessions and notes, oldest first, and the mentee's progress. "
            + "Readable where the studio's unit, the mentor's or the mentee's is in scope.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = MentoringViews.Mentorship.class)))
    public Response mentorship(@PathParam("pairId") UUID pairId, @Context Request request) {
        caller.require(Access.RECORDS);
        Mentorship pair = mentoring.pair(pairId).orElseThrow(() -> ProblemException.notFound("mentorship", pairId));
        caller.requireVisible(Access.RECORDS, "mentorship", pairId, pair.studioPath(), pair.mentorPath(), pair.menteePath());
        return Preconditions.okWithEtag(request, pair.version(), mentoring.pairView(pairId).orElseThrow());
    }

    @POST
    @Path("mentorships/{pairId}/sessions")
    @Operation(operationId = "recordMentorshipSession", summary = "Record a mentoring session", description = "Notes, hours and optionally the mentee's progress (0–100), which "
            + "becomes the pair's progress. Active pairs only (409).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MentoringViews.Mentorship.class)), description = "Recorded")
    public Response session(@PathParam("pairId") UUID pairId, @Valid @NotNull MentoringInputs.Session input) {
        service.addSession(pairId, input);
        MentoringViews.Mentorship view = mentoring.pairView(pairId).orElseThrow();
        return Response.created(URI.create("/api/v1/education/studios/mentorships/" + pairId)).entity(view)
                .tag(Preconditions.etag(view.version())).build();
    }

    @POST
    @Path("mentorships/{pairId}/transitions")
    @Operation(operationId = "transitionMentorship", summary = "Complete or end a mentorship", description = "ACTIVE → COMPLETED or ENDED, with the date and the outcome; "
            + "If-Match checked when sent. Another move is 409.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MentoringViews.Mentorship.class)), description = "Moved")
    public Response transition(@PathParam("pairId") UUID pairId, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull MentoringInputs.Transition input) {
        service.transition(pairId, input, ifMatch);
        MentoringViews.Mentorship view = mentoring.pairView(pairId).orElseThrow();
        return Response.ok(view).tag(Preconditions.etag(view.version())).build();
    }

    private void visibleStudio(UUID id) {
        caller.require(Access.RECORDS);
        Studio studio = mentoring.studio(id).orElseThrow(() -> ProblemException.notFound("studio", id));
        caller.requireVisible(Access.RECORDS, "studio", id, studio.unitPath());
    }
}
