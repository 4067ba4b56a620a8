package org.community.org.member;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Caller;
import org.community.org.stats.Counts;
import org.community.org.stats.Rollups;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members", description = "Party members and applicants: personal data, the development pipeline, exits and history")
public class MemberResource {

    @Inject
    MemberService service;

    @Inject
    Caller caller;

    @Inject
    MemberRepository members;

    @Inject
    OrgUnitRepository units;

    @Inject
    Rollups rollups;

    @POST
    @Operation(operationId = "createMember", summary = "Register a member or applicant", description = "In an active branch or group (BRANCH or GROUP form, community "
            + "level or below). Existing party members are registered with their status and admission date.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)), description = "Registered; Location and ETag set")
    public Response create(@Valid @NotNull MemberInput input) {
        Member member = service.create(input);
        return Response.created(URI.create("/api/v1/members/" + member.id())).tag(Preconditions.etag(member.version()))
                .entity(MemberView.of(member, caller)).build();
    }

    @GET
    @Operation(operationId = "listMembers", summary = "Search members within a subtree, paged", description = "By name prefix, status, active post, age band and "
            + "mobile or not. In tree order then by name. Members who left are listed only when asked for by status.")
    public Page<MemberView> search(
            @QueryParam("within") @Parameter(description = "Only members of this unit and its descendants") UUID within,
            @QueryParam("q") @Size(min = 1, max = 50) @Parameter(description = "Start of the name", example = "张") String q,
            @QueryParam("status") @Parameter(description = "Statuses to include (repeatable)") List<MemberStatus> statuses,
            @QueryParam("role") @Parameter(description = "Holding this post now") PostRole role,
            @QueryParam("ageFrom") @Min(0) @Max(150) @Parameter(description = "Age at least") Integer ageFrom,
            @QueryParam("ageTo") @Min(0) @Max(150) @Parameter(description = "Age at most") Integer ageTo,
            @QueryParam("mobile") @Parameter(description = "Flowed out (true) or not (false)") Boolean mobile,
            @Valid @BeanParam PageRequest page) {
        caller.require(Access.RECORDS);
        OrgUnit root = within == null ? null
                : units.find(within).orElseThrow(() -> ProblemException.invalidField("within", "unitUnknown", within));
        if (root != null) {
            caller.requireIn(Access.RECORDS, root.path());
        }
        if (ageFrom != null && ageTo != null && ageFrom > ageTo) {
            throw ProblemException.badField("ageTo", "ageBand");
        }
        Set<MemberStatus> wanted = statuses == null || statuses.isEmpty() ? null : EnumSet.copyOf(statuses);
        MemberRepository.Filter filter = new MemberRepository.Filter(root == null ? null : root.path(), q == null ? null : q.trim(),
                wanted, role == null ? null : role.name(), ageFrom, ageTo, mobile,
                root != null || caller.scope().everything() ? null : caller.scope().where("path"));
        return Page.of(members.search(filter, page).stream().map(member -> MemberView.of(member, caller)).toList(), page, total(root, filter));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMember", summary = "Read a member", description = "Phone and ID number masked. With its ETag.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Member member = visible(id);
        return Preconditions.okWithEtag(request, member.version(), MemberView.of(member, caller));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateMember", summary = "Update a member's personal data", description = "Requires If-Match. The unit changes only by transfer, the "
            + "status only by a transition.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull MemberChanges changes) {
        Member member = service.update(id, changes, ifMatch);
        return Response.ok(MemberView.of(member, caller)).tag(Preconditions.etag(member.version())).build();
    }

    @POST
    @Path("{id}/transitions")
    @Operation(operationId = "transitionMember", summary = "Move a member along the pipeline or record an exit", description = "APPLICANT → ACTIVIST → DEVELOPMENT_TARGET → "
            + "PROBATIONARY → FULL (no earlier than the end of the probation), or DECEASED / REMOVED. Illegal steps are 409; "
            + "TRANSFERRED_OUT happens through a transfer. An exit ends the member's posts. If-Match checked when sent.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)), description = "Changed")
    @APIResponse(responseCode = "409", description = "The state machine does not allow this step, or the probation is not over")
    public Response transition(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TransitionRequest request) {
        Member member = service.transition(id, request, ifMatch);
        return Response.ok(MemberView.of(member, caller)).tag(Preconditions.etag(member.version())).build();
    }

    @POST
    @Path("{id}/probation-extension")
    @Operation(operationId = "extendProbation", summary = "Extend a probation (延长预备期)", description = "Up to one year beyond the regular end.")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response extendProbation(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProbationExtension request) {
        Member member = service.extendProbation(id, request, ifMatch);
        return Response.ok(MemberView.of(member, caller)).tag(Preconditions.etag(member.version())).build();
    }

    @GET
    @Path("{id}/history")
    @Operation(operationId = "listMemberHistory", summary = "A member's steps with their dates", description = "Registration, every pipeline step, extensions and exits.")
    public List<MemberStep> history(@PathParam("id") UUID id) {
        visible(id);
        return members.steps(id);
    }

    /** A member inside the caller's scope; outside it answers 404 like an unknown id. */
    private Member visible(UUID id) {
        caller.require(Access.RECORDS);
        Member member = members.find(id).orElseThrow(() -> ProblemException.notFound("member", id));
        caller.requireVisible(Access.RECORDS, "member", id, member.path());
        return member;
    }

    /** Subtree and status only: the roll-up counters hold the total, one key read instead of counting a city's members. */
    private long total(OrgUnit root, MemberRepository.Filter filter) {
        if (root == null || !filter.countableFromRollups()) {
            return members.count(filter);
        }
        Set<MemberStatus> statuses = filter.statuses() == null
                ? EnumSet.of(MemberStatus.APPLICANT, MemberStatus.ACTIVIST, MemberStatus.DEVELOPMENT_TARGET, MemberStatus.PROBATIONARY,
                        MemberStatus.FULL)
                : filter.statuses();
        if (statuses.stream().anyMatch(MemberStatus::isExit)) {
            return members.count(filter);
        }
        Counts counts = rollups.read(root.key());
        long total = 0;
        for (MemberStatus status : statuses) {
            total += counts.get(MemberMetrics.of(status));
        }
        return total;
    }
}
