package org.community.org.household;

import java.net.URI;
import java.util.List;
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

@Path("/api/v1/households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Households", description = "Households in buildings, central households (党员中心户) and the neighbours they serve")
public class HouseholdResource {

    @Inject
    HouseholdService service;

    @Inject
    Caller caller;

    @Inject
    HouseholdRepository households;

    @Inject
    OrgUnitRepository units;

    @Inject
    HouseholdViews views;

    @POST
    @Operation(operationId = "createHousehold", summary = "Register a household", description = "In a BUILDING unit; the address (entrance and room) is unique in the building.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = HouseholdView.class)), description = "Registered; Location and ETag set")
    public Response create(@Valid @NotNull HouseholdInput input) {
        Household household = service.create(input);
        return Response.created(URI.create("/api/v1/households/" + household.id()))
                .tag(Preconditions.etag(household.version()))
                .entity(view(household))
                .build();
    }

    @GET
    @Operation(operationId = "listHouseholds", summary = "Households under a unit, paged", description = "In tree order. Filters: central households only, "
            + "served or not served by a central household, room number. `unitId` must lie inside the caller's scope (403).")
    public Page<HouseholdView> list(
            @QueryParam("unitId") @NotNull @Parameter(description = "Households of this unit's subtree", required = true) UUID unitId,
            @QueryParam("central") @Parameter(description = "Only central households (true) or only others (false)") Boolean central,
            @QueryParam("served") @Parameter(description = "Served by (or being) a central household, or not") Boolean served,
            @QueryParam("room") @Size(max = 20) @Parameter(description = "Room number") String room,
            @Valid @BeanParam PageRequest page) {
        caller.require(Access.RECORDS);
        OrgUnit unit = units.find(unitId).orElseThrow(() -> ProblemException.invalidField("unitId", "unitUnknown", unitId));
        caller.requireIn(Access.RECORDS, unit.path());
        HouseholdRepository.Filter filter = new HouseholdRepository.Filter(central, served, room);
        return views(households.inSubtree(unit.path(), filter, page), page, households.countInSubtree(unit.path(), filter));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getHousehold", summary = "Read a household", description = "With its ETag; If-None-Match answers 304 when unchanged.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = HouseholdView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Household household = find(id);
        return Preconditions.okWithEtag(request, household.version(), view(household));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateHousehold", summary = "Update a household", description = "Replaces its fields; a new buildingUnitId moves it. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = HouseholdView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull HouseholdInput input) {
        Household household = service.update(id, input, ifMatch);
        return Response.ok(view(household)).tag(Preconditions.etag(household.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteHousehold", summary = "Remove a household", description = "Refused while it is a central household serving others. If-Match is checked when sent.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/central")
    @Operation(operationId = "designateCentralHousehold", summary = "Designate as central household (党员中心户)", description = "Records the plaque date; history is kept.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = HouseholdView.class)), description = "Designated")
    @APIResponse(responseCode = "409", description = "Already a central household")
    public Response designate(@PathParam("id") UUID id, @Valid @NotNull DesignationInput input) {
        Household household = service.designate(id, input);
        return Response.ok(view(household)).tag(Preconditions.etag(household.version())).build();
    }

    @DELETE
    @Path("{id}/central")
    @Operation(operationId = "revokeCentralHousehold", summary = "Revoke a central household", description = "The households it served become unserved.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = HouseholdView.class)), description = "Revoked")
    @APIResponse(responseCode = "409", description = "Not a central household")
    public Response revoke(@PathParam("id") UUID id,
            @QueryParam("reason") @Size(max = 500) @Parameter(description = "Reason for the record") String reason) {
        Household household = service.revoke(id, reason);
        return Response.ok(view(household)).tag(Preconditions.etag(household.version())).build();
    }

    @GET
    @Path("{id}/central/history")
    @Operation(operationId = "listCentralDesignations", summary = "Designation history of a household", description = "Every designation and revocation, oldest first.")
    public List<CentralDesignation.View> history(@PathParam("id") UUID id) {
        find(id);
        return households.designationHistory(id).stream().map(CentralDesignation::view).toList();
    }

    @GET
    @Path("{id}/served")
    @Operation(operationId = "listServedHouseholds", summary = "Households a central household serves", description = "Paged, in address order.")
    public Page<HouseholdView> served(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        find(id);
        return views(households.servedBy(id, page), page, households.countServedBy(id));
    }

    @PUT
    @Path("{id}/served/{servedId}")
    @Operation(operationId = "linkServedHousehold", summary = "Link a neighbouring household to this central household", description = "Same community only; "
            + "a household is served by one central household at a time. Linking again changes nothing.")
    @APIResponse(responseCode = "200", description = "Linked; the served household is returned")
    @APIResponse(responseCode = "409", description = "Not a central household, or the household is served by another")
    public HouseholdView link(@PathParam("id") UUID id, @PathParam("servedId") UUID servedId) {
        return view(service.link(id, servedId));
    }

    @DELETE
    @Path("{id}/served/{servedId}")
    @Operation(operationId = "unlinkServedHousehold", summary = "Unlink a served household", description = "It becomes unserved.")
    @APIResponse(responseCode = "204", description = "Unlinked")
    public Response unlink(@PathParam("id") UUID id, @PathParam("servedId") UUID servedId) {
        service.unlink(id, servedId);
        return Response.noContent().build();
    }

    /** A household inside the caller's scope; outside it answers 404 like an unknown id. */
    private Household find(UUID id) {
        caller.require(Access.RECORDS);
        Household household = households.find(id).orElseThrow(() -> ProblemException.notFound("household", id));
        caller.requireVisible(Access.RECORDS, "household", id, household.path());
        return household;
    }

    private HouseholdView view(Household household) {
        return views.one(household);
    }

    private Page<HouseholdView> views(List<Household> found, PageRequest page, long total) {
        return views.page(found, page, total);
    }
}
