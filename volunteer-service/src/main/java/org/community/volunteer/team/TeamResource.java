package org.community.volunteer.team;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.community.volunteer.orgunit.OrgUnits;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.security.Caller;
import org.community.volunteer.stats.StatsService;
import org.community.volunteer.stats.UnitStats;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams", description = "Volunteer teams (志愿服务队) of org units, their leaders, deputies and members")
public class TeamResource {

    @Inject
    TeamService service;

    @Inject
    OrgUnits orgUnits;

    @Inject
    StatsService stats;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createTeam", summary = "Create a team", description = "Admin roles and team leaders, in a unit inside their scope (403 elsewhere). The org unit is checked with org-service (422 when unknown, 503 when org-service "
            + "is down) and its name and path are kept. The leader must be registered in the team's community.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamView.class)), description = "Created; Location and ETag set")
    public Response create(@Valid @NotNull TeamInput input) {
        Team team = service.create(input);
        return Response.created(URI.create("/api/v1/teams/" + team.id)).tag(Preconditions.etag(team.version))
                .entity(view(team)).build();
    }

    @GET
    @Operation(operationId = "listTeams", summary = "Search teams", description = "Within an org unit's subtree, by category, status and part of the name; oldest first. "
            + "Teams' profiles are public to every authenticated caller.")
    public Page<TeamView> search(
            @QueryParam("orgUnitId") @Parameter(description = "Only teams in this unit's subtree") UUID orgUnitId,
            @QueryParam("category") @Parameter(description = "Service category", example = "ELDER_CARE") String category,
            @QueryParam("status") TeamStatus status,
            @QueryParam("q") @Size(min = 1, max = 100) @Parameter(description = "Part of the name") String q,
            @Valid @BeanParam PageRequest page) {
        TeamService.Filter filter = new TeamService.Filter(orgUnitId == null ? null : orgUnits.forRead("orgUnitId", orgUnitId),
                category, status, q);
        List<Team> found = service.search(filter, page);
        Map<UUID, TeamService.Membership> memberships = service.memberships(found.stream().map(t -> t.id).toList());
        return Page.of(found.stream().map(t -> TeamView.of(t, memberships.get(t.id).deputyIds(), memberships.get(t.id).memberCount()))
                .toList(), page, service.count(filter));
    }

    @GET
    @Path("stats")
    @Operation(operationId = "getTeamStats", summary = "Volunteer statistics of an org unit's subtree", description = "Teams, volunteers, verified hours this year, "
            + "projects done and demands open, from roll-ups; served without org-service when the unit is known here. Admin roles, grid "
            + "workers and team leaders inside their scope (403 elsewhere).")
    public UnitStats stats(@QueryParam("orgUnitId") @NotNull @Parameter(description = "The org unit", required = true) UUID orgUnitId) {
        caller.require(caller.scopedReader());
        return stats.stats(orgUnits.forRead("orgUnitId", orgUnitId, caller.readScope()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTeam", summary = "Read a team", description = "The team's public profile, with deputies and member count; ETag set.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Team team = find(id);
        return Preconditions.okWithEtag(request, team.version, view(team));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateTeam", summary = "Update a team", description = "Admin roles and team leaders inside their scope (also the new unit). Replaces name, unit, category, description, leader and deputies. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull TeamInput input) {
        Team team = service.update(id, input, ifMatch);
        return Response.ok(view(team)).tag(Preconditions.etag(team.version)).build();
    }

    @POST
    @Path("{id}/disband")
    @Operation(operationId = "disbandTeam", summary = "Disband a team", description = "Admin roles and team leaders inside their scope. Kept for history; no new activities. If-Match is checked when sent.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeamView.class)), description = "Disbanded")
    public Response disband(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        Team team = service.disband(id, ifMatch);
        return Response.ok(view(team)).tag(Preconditions.etag(team.version)).build();
    }

    @GET
    @Path("{id}/members")
    @Operation(operationId = "listTeamMembers", summary = "Members of a team", description = "Leader first, then deputies, then members by joining date. Admin roles, grid "
            + "workers and team leaders of the team's scope (403 for others: the member list is not part of the public profile).")
    public Page<MemberView> members(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        caller.requireIn(caller.readScope(), find(id).orgPath);
        return Page.of(service.members(id, page), page, service.memberCount(id));
    }

    @POST
    @Path("{id}/members")
    @Operation(operationId = "addTeamMember", summary = "Add a member", description = "Admin roles and team leaders inside their scope. As MEMBER (default) or DEPUTY; 409 when already a member.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)), description = "Added")
    public Response addMember(@PathParam("id") UUID id, @Valid @NotNull MemberInput input) {
        service.addMember(id, input);
        MemberView added = service.member(id, input.volunteerId()).orElseThrow();
        return Response.created(URI.create("/api/v1/teams/" + id + "/members/" + input.volunteerId())).entity(added).build();
    }

    @DELETE
    @Path("{id}/members/{volunteerId}")
    @Operation(operationId = "removeTeamMember", summary = "Remove a member", description = "Admin roles and team leaders inside their scope. The leader cannot be removed (409); change the leader first.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeMember(@PathParam("id") UUID id, @PathParam("volunteerId") UUID volunteerId) {
        service.removeMember(id, volunteerId);
        return Response.noContent().build();
    }

    private Team find(UUID id) {
        return service.find(id).orElseThrow(() -> ProblemException.notFound("team", id));
    }

    private TeamView view(Team team) {
        TeamService.Membership membership = service.membership(team.id);
        return TeamView.of(team, membership.deputyIds(), membership.memberCount());
    }
}
