package org.community.volunteer.partner;

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

@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Co-building units, two-new organizations and social organizations that offer resources")
public class PartnerResource {

    @Inject
    PartnerService service;

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createPartner", summary = "Register a partner", description = "Admin roles, in a unit of their scope (403 elsewhere). The org unit is checked with org-service (422 unknown, 503 down).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PartnerView.class)), description = "Registered")
    public Response create(@Valid @NotNull PartnerInput input) {
        PartnerView partner = service.create(input);
        return Response.created(URI.create("/api/v1/partners/" + partner.id())).tag(Preconditions.etag(partner.version()))
                .entity(partner).build();
    }

    @GET
    @Operation(operationId = "listPartners", summary = "Search partners", description = "Within an org unit's subtree and by kind. Admin roles, grid workers and team "
            + "leaders see the partners of their scope (`orgUnitId` outside it is 403); others none.")
    public Page<PartnerView> search(@QueryParam("orgUnitId") UUID orgUnitId, @QueryParam("kind") PartnerKind kind,
            @Valid @BeanParam PageRequest page) {
        Scope scope = caller.readScope();
        OrgUnitRef within = orgUnitId == null ? null : orgUnits.forRead("orgUnitId", orgUnitId, scope);
        return Page.of(service.partners(within, kind, scope, page), page, service.countPartners(within, kind, scope));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPartner", summary = "Read a partner", description = "Inside the reader's scope (404 otherwise). The contact phone is masked.")
    public PartnerView get(@PathParam("id") UUID id) {
        return service.partner(id, caller.readScope()).orElseThrow(() -> ProblemException.notFound("partner", id));
    }
}
