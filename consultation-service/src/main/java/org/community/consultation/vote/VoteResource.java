package org.community.consultation.vote;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import io.smallrye.common.annotation.Blocking;

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.conventions.problem.ProblemException;
import org.community.consultation.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/votes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Votes", description = "Owners' votes counted as Civil Code art. 278 requires: by area and by head, one owner once")
public class VoteResource {

    @Inject
    VoteService service;

    @Inject
    VoteRepository votes;

    @Inject
    VoteAudit audit;

    @Inject
    BallotCasting casting;

    /** The answer to a cast is built once the queued cast has run, on its thread, with this request's context. */
    @Inject
    org.eclipse.microprofile.context.ThreadContext threadContext;

    @Inject
    VoteAccess access;

    @Inject
    Caller caller;

    @Schema(name = "Elector", description = "A unit on the roll")
    public record ElectorView(String unitId, String ownerKey, String ownerName, @Schema(nullable = true) String building, @Schema(nullable = true) String entrance, BigDecimal areaM2,
            @Schema(nullable = true, description = "The owner's account (token sub), when linked") String account) {
    }

    @Schema(name = "RollSize", description = "Units on the roll after the addition")
    public record RollSize(UUID voteId, long units) {
    }

    @POST
    @Operation(operationId = "createVote", summary = "Set up a vote", description = "On a topic under review or deliberation. 422 naming `rule` when the rule is weaker "
            + "than the matter needs, `matter` when an elevator is not treated as an alteration.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VoteView.class)), description = "Created as a DRAFT")
    public Response create(@Valid @NotNull VoteInput input) {
        Vote vote = service.create(input);
        return Response.created(URI.create("/api/v1/votes/" + vote.id())).tag(Preconditions.etag(vote.version())).entity(VoteView.of(vote))
                .build();
    }

    @GET
    @Operation(operationId = "listVotes", summary = "List votes", description = "Newest first, optionally of one topic. Votes of topics inside the caller's scope "
            + "(admin roles and grid workers) and votes with the caller's account on the roll.")
    public Page<VoteView> list(@QueryParam("topicId") UUID topicId, @Valid @BeanParam PageRequest page) {
        return Page.of(votes.list(topicId, caller.readScope(), caller.subject(), page).stream().map(VoteView::of).toList(), page,
                votes.countVisible(topicId, caller.readScope(), caller.subject()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getVote", summary = "Read a vote", description = "Inside the caller's scope, or with the caller's account on the roll; 404 otherwise.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = VoteView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Vote vote = find(id);
        return Preconditions.okWithEtag(request, vote.version(), VoteView.of(vote));
    }

    @POST
    @Path("{id}/electors")
    @Operation(operationId = "addVoteElectors", summary = "Add units to the roll", description = "While the vote is a DRAFT. All or nothing: any bad entry (duplicate unit, "
            + "missing area under an owners' rule, outside the building or entrance) is a 422 naming it and nothing is added.")
    @APIResponse(responseCode = "200", description = "Added")
    public RollSize addElectors(@PathParam("id") UUID id, @NotNull @Size(min = 1, max = 50000) List<@NotNull @Valid ElectorInput> electors) {
        return new RollSize(id, service.addElectors(id, electors));
    }

    @GET
    @Path("{id}/electors")
    @Operation(operationId = "listVoteElectors", summary = "The roll, paged", description = "Sorted by unit id. Admin roles and grid workers in scope (403 for an elector).")
    public Page<ElectorView> electors(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        access.inReadScope(id);
        return Page.of(votes.electors(id, page).stream().map(e -> new ElectorView(e.unitId(), e.ownerKey(), e.ownerName(), e.building(),
                e.entrance(), Areas.toSquareMetres(e.area()), e.account())).toList(), page, votes.countElectors(id));
    }

    @POST
    @Path("{id}/open")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "openVote", summary = "Open a vote", description = "Freezes the roll. Requires If-Match. 422 naming `rule` when an owners' rule meets "
            + "units without a floor area.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VoteView.class)), description = "Opened")
    public Response open(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        Vote vote = service.open(id, ifMatch);
        return Response.ok(VoteView.of(vote)).tag(Preconditions.etag(vote.version())).build();
    }

    @POST
    @Path("{id}/ballots")
    @Operation(operationId = "castBallot", summary = "Cast a ballot", description = "One per owner, covering all their units. 409 outside the window, after close or on "
            + "a second ballot; 422 for someone not on the roll. Proxy ballots need the authorization, paper ballots the evidence and the "
            + "staff member who entered them. Admin roles over the vote's topic cast for any owner on the roll on any channel; "
            + "anybody else casts only their own ballot, online (the owner whose unit is linked to their account; owner and unit may be "
            + "left out), 403 otherwise.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = BallotView.class)), description = "Cast")
    @APIResponse(responseCode = "403", description = "Not the caller's own ballot, or a proxy or paper ballot by a non-admin")
    @APIResponse(responseCode = "503", description = "Too many ballots at once: the queue is full and nothing was recorded; send the "
            + "same ballot again after Retry-After seconds")
    @Blocking
    public CompletionStage<Response> cast(@PathParam("id") UUID id, @Valid @NotNull BallotInput input) {
        Vote vote = votes.find(id).orElseThrow(() -> ProblemException.notFound("vote", id));
        String path = access.path(vote);
        if (!caller.readScope().contains(path) && !access.elector(id)) {
            throw ProblemException.notFound("vote", id);
        }
        return threadContext.withContextCapture(casting.cast(id, path, input, caller.actor(), caller.adminScope().contains(path)))
                .thenApply(ballot -> Response.created(URI.create("/api/v1/votes/" + id + "/ballots/" + ballot.seq())).entity(ballot).build());
    }

    @GET
    @Path("{id}/ballots")
    @Operation(operationId = "listBallots", summary = "Ballots, paged", description = "In chain order. Admin roles and grid workers in scope.")
    public Page<BallotView> ballots(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        Vote vote = access.inReadScope(id);
        return Page.of(votes.ballots(id, page), page, vote.ballots());
    }

    @GET
    @Path("{id}/ballots/mine")
    @Operation(operationId = "listMyBallots", summary = "The caller's own ballot", description = "The ballots of the owner whose units on the roll are linked to the "
            + "caller's account (empty before they vote), each with its place in the chain, so the owner can check it is counted.")
    public List<BallotView> mine(@PathParam("id") UUID id) {
        find(id);
        return caller.subject() == null ? List.of() : votes.ballotsOfAccount(id, caller.subject());
    }

    @GET
    @Path("{id}/tally")
    @Operation(operationId = "getVoteTally", summary = "Live tally", description = "Every figure the rule uses, each threshold check, and the outcome closing now would give. "
            + "Read from counters kept with each ballot: one row read however many ballots. Admin roles and grid workers in scope.")
    public TallyView tally(@PathParam("id") UUID id) {
        return TallyView.of(access.inReadScope(id));
    }

    @GET
    @Path("{id}/result")
    @Operation(operationId = "getVoteResult", summary = "Final result", description = "Once the vote is closed; 409 before. Admin roles and grid workers in scope; the "
            + "outcome of a public topic's vote is on its timeline.")
    @APIResponse(responseCode = "200", description = "The final tally", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TallyView.class)))
    @APIResponse(responseCode = "409", description = "The vote is not closed yet: no final result")
    public TallyView result(@PathParam("id") UUID id) {
        Vote vote = access.inReadScope(id);
        if (vote.status() != VoteStatus.CLOSED) {
            throw ProblemException.conflict("resultNotFinal", vote.status());
        }
        return TallyView.of(vote);
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "closeVote", summary = "Close a vote", description = "After the window, or earlier once every owner has voted; fixes the result. "
            + "Open votes are also closed automatically when their window ends. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VoteView.class)), description = "Closed")
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        Vote vote = service.close(id, ifMatch);
        return Response.ok(VoteView.of(vote)).tag(Preconditions.etag(vote.version())).build();
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "cancelVote", summary = "Cancel a vote", description = "A DRAFT or OPEN vote; requires If-Match. Ballots already cast stay in the chain.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VoteView.class)), description = "Cancelled")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        Vote vote = service.cancel(id, ifMatch);
        return Response.ok(VoteView.of(vote)).tag(Preconditions.etag(vote.version())).build();
    }

    @GET
    @Path("{id}/audit")
    @Operation(operationId = "auditVote", summary = "Audit the ballot chain", description = "Recomputes every hash from the genesis, reports the first broken link, and "
            + "compares a full recount with the running tally. Admin roles and grid workers in scope.")
    public VoteAudit.Report audit(@PathParam("id") UUID id) {
        return audit.audit(access.inReadScope(id));
    }

    private Vote find(UUID id) {
        return access.readable(id);
    }
}
