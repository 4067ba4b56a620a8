package org.community.org.mobile;

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

@Path("/api/v1/mobile-members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mobile members", description = "流动党员: outflows, registration at a service station, return; seen by origin and station")
public class OutflowResource {

    @Inject
    OutflowService service;

    @Inject
    Caller caller;

    @Inject
    OutflowRepository outflows;

    @Inject
    OrgUnitRepository units;

    @POST
    @Operation(operationId = "startOutflow", summary = "Record an outflow", description = "The member stays in the origin unit and counts there as mobile. One open "
            + "outflow per member (409).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OutflowView.class)), description = "Recorded")
    @APIResponse(responseCode = "409", description = "The member already has an open outflow or is not a party member")
    public Response start(@Valid @NotNull OutflowInput input) {
        UUID id = service.start(input);
        return Response.created(URI.create("/api/v1/mobile-members/" + id)).entity(find(id)).build();
    }

    @GET
    @Operation(operationId = "listMobileMembers", summary = "Mobile members seen from the origin or from the station, paged", description = "`origin`: members of that "
            + "subtree who flowed out; `station`: members registered at a station in that subtree (possibly another city's tree). "
            + "Open outflows unless `active=false`.")
    public Page<OutflowView> list(@QueryParam("origin") @Parameter(description = "Origin subtree") UUID origin,
            @QueryParam("station") @Parameter(description = "Station subtree") UUID station,
            @QueryParam("active") @Parameter(description = "Open (true, default) or closed (false) outflows") Boolean active,
            @Valid @BeanParam PageRequest page) {
        caller.require(Access.RECORDS);
        String originPath = path(origin, "origin");
        String stationPath = path(station, "station");
        Boolean open = active == null ? Boolean.TRUE : active;
        return Page.of(outflows.list(originPath, stationPath, open, caller.scope(), page), page,
                outflows.count(originPath, stationPath, open, caller.scope()));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMobileMember", summary = "Read an outflow", description = "With origin and station names; the contact phone is masked.")
    public OutflowView get(@PathParam("id") UUID id) {
        return find(id);
    }

    @POST
    @Path("{id}/registration")
    @Operation(operationId = "registerMobileMember", summary = "Register at a service station", description = "Any active unit with a party organization, in any tree of the "
            + "deployment. Re-registering moves the member to another station.")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OutflowView.class)))
    @APIResponse(responseCode = "409", description = "The outflow is closed")
    public OutflowView register(@PathParam("id") UUID id, @Valid @NotNull Registration registration) {
        service.register(id, registration);
        return find(id);
    }

    @POST
    @Path("{id}/return")
    @Operation(operationId = "returnMobileMember", summary = "Record the member's return", description = "Closes the outflow; the member is no longer counted as mobile.")
    @APIResponse(responseCode = "200", description = "Done", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OutflowView.class)))
    @APIResponse(responseCode = "409", description = "Already closed")
    public OutflowView returned(@PathParam("id") UUID id, @Valid @NotNull ReturnInput input) {
        service.returned(id, input);
        return find(id);
    }

    /** An outflow seen from its origin's or its station's scope; otherwise 404 as for an unknown id. */
    private OutflowView find(UUID id) {
        caller.require(Access.RECORDS);
        OutflowView view = outflows.view(id).orElseThrow(() -> ProblemException.notFound("outflow", id));
        caller.requireVisible(Access.RECORDS, "outflow", id, view.originPath(), view.stationPath());
        return view;
    }

    /** A filter unit: inside the caller's scope (403 otherwise). */
    private String path(UUID unitId, String field) {
        if (unitId == null) {
            return null;
        }
        String path = units.find(unitId).map(OrgUnit::path).orElseThrow(() -> ProblemException.invalidField(field, "unitUnknown", unitId));
        caller.requireIn(Access.RECORDS, path);
        return path;
    }
}
