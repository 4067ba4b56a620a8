package org.community.org.member;

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

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnitRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/v1/members/posts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Posts", description = "Roles on units with their terms: secretary, deputies, committee members, group leaders, grid workers, "
        + "building leaders; history kept")
public class PostResource {

    @Inject
    PostService service;

    @Inject
    OrgUnitRepository units;

    @Inject
    Caller caller;

    @Inject
    PostRepository posts;

    @POST
    @Operation(operationId = "appointPost", summary = "Appoint to a post", description = "At most one active SECRETARY per unit and one GROUP_LEADER per group (409). "
            + "The unit's secretary (group leader for a group) decides whether it counts as led in stats and coverage.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Post.View.class)), description = "Appointed")
    @APIResponse(responseCode = "409", description = "The unit already has an active secretary or group leader")
    public Response appoint(@Valid @NotNull PostInput input) {
        Post post = service.appoint(input);
        return Response.created(URI.create("/api/v1/members/posts/" + post.id())).tag(Preconditions.etag(post.version())).entity(post.view())
                .build();
    }

    @GET
    @Operation(operationId = "listPosts", summary = "Posts of a unit or a member, paged", description = "Newest term first; `active` keeps only held (true) or "
            + "ended (false) posts.")
    public Page<Post.View> list(@QueryParam("unitId") @Parameter(description = "Posts on this unit") UUID unitId,
            @QueryParam("memberId") @Parameter(description = "Posts held by this member") UUID memberId,
            @QueryParam("active") @Parameter(description = "Held now (true) or ended (false)") Boolean active,
            @Valid @BeanParam PageRequest page) {
        caller.require(Access.RECORDS);
        return Page.of(posts.list(unitId, memberId, active, caller.scope(), page).stream().map(Post::view).toList(), page,
                posts.count(unitId, memberId, active, caller.scope()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPost", summary = "Read a post", description = "With its term and, when ended, the end date and reason.")
    public Post.View get(@PathParam("id") UUID id) {
        caller.require(Access.RECORDS);
        Post post = posts.find(id).orElseThrow(() -> ProblemException.notFound("post", id));
        caller.requireVisible(Access.RECORDS, "post", id, units.find(post.unitId()).orElseThrow().path());
        return post.view();
    }

    @POST
    @Path("{id}/end")
    @Operation(operationId = "endPost", summary = "End a post (离任)", description = "Kept in the history; ending the secretary makes the unit leaderless until "
            + "the next appointment.")
    @APIResponse(responseCode = "200", description = "Ended")
    @APIResponse(responseCode = "409", description = "Already ended")
    public Post.View end(@PathParam("id") UUID id, @Valid @NotNull PostEnd request) {
        return service.end(id, request).view();
    }
}
