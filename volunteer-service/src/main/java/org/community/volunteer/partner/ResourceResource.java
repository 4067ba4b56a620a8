package org.community.volunteer.partner;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.security.Caller;
import org.community.volunteer.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/v1/resources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Resources", description = "The resource list (资源清单): what partners offer")
public class ResourceResource {

    @Inject
    PartnerService service;

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createResource", summary = "Offer a resource", description = "Admin roles, for a partner of their scope (403 elsewhere); it takes the partner's org unit.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResourceView.class)), description = "Listed")
    public Response create(@Valid @NotNull ResourceInput input) {
        ResourceView resource = service.createResource(input);
        return Response.created(URI.create("/api/v1/resources/" + resource.id())).entity(resource).build();
    }

    @GET
    @Operation(operationId = "listResources", summary = "Search resources", description = "Within an org unit's subtree, by category, status and partner. Admin roles, grid "
            + "workers and team leaders see the resources of their scope (`orgUnitId` outside it is 403); others none.")
    public Page<ResourceView> search(@QueryParam("orgUnitId") UUID orgUnitId, @QueryParam("category") String category,
            @QueryParam("status") @Pattern(regexp = "AVAILABLE|WITHDRAWN") String status, @QueryParam("partnerId") UUID partnerId,
            @Valid @BeanParam PageRequest page) {
        Scope scope = caller.readScope();
        OrgUnitRef within = orgUnitId == null ? null : orgUnits.forRead("orgUnitId", orgUnitId, scope);
        return Page.of(service.resources(within, category, status, partnerId, scope, page), page,
                service.countResources(within, category, status, partnerId, scope));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getResource", summary = "Read a resource", description = "With its partner's name; inside the reader's scope (404 otherwise).")
    public ResourceView get(@PathParam("id") UUID id) {
        return service.resource(id, caller.readScope()).orElseThrow(() -> ProblemException.notFound("resource", id));
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(operationId = "withdrawResource", summary = "Withdraw a resource", description = "Admin roles inside their scope. No longer offered or matched; 409 when already withdrawn.")
    @APIResponse(responseCode = "200", description = "Withdrawn")
    public ResourceView withdraw(@PathParam("id") UUID id) {
        return service.withdraw(id);
    }
}
