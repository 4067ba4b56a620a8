package org.community.volunteer.demand;

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
import org.community.volunteer.orgunit.OrgUnits;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.security.Caller;
import org.community.volunteer.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/v1/demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Demands", description = "The demand list (需求清单): residents' problems, and the teams and resources that fit them")
public class DemandResource {

    @Inject
    DemandService service;

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createDemand", summary = "Record a demand", description = "Admin roles and grid workers in units of their scope (403 elsewhere); residents "
            + "and volunteers submit their own. The org unit is checked with org-service (422 unknown, 503 down).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DemandView.class)), description = "Recorded")
    public Response create(@Valid @NotNull DemandInput input) {
        DemandView demand = service.create(input);
        return Response.created(URI.create("/api/v1/demands/" + demand.id())).tag(Preconditions.etag(demand.version())).entity(demand)
                .build();
    }

    @GET
    @Operation(operationId = "listDemands", summary = "Search demands", description = "Within an org unit's subtree, by category, status and urgency; most urgent first. "
            + "Admin roles, grid workers and team leaders see the demands of their scope (`orgUnitId` outside it is 403); others their own.")
    public Page<DemandView> search(@QueryParam("orgUnitId") UUID orgUnitId, @QueryParam("category") String category,
            @QueryParam("status") DemandStatus status, @QueryParam("urgency") Urgency urgency, @Valid @BeanParam PageRequest page) {
        Scope scope = caller.readScope();
        DemandService.Filter filter = new DemandService.Filter(orgUnitId == null ? null : orgUnits.forRead("orgUnitId", orgUnitId, scope),
                category, status, urgency, scope, caller.scopedReader() ? null : caller.subject());
        return Page.of(service.search(filter, page), page, service.count(filter));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDemand", summary = "Read a demand", description = "Inside the reader's scope, or the caller's own (404 otherwise). The requester's "
            + "phone is masked except for readers of the scope and the submitter.")
    public DemandView get(@PathParam("id") UUID id) {
        return visible(id);
    }

    @GET
    @Path("{id}/matches")
    @Operation(operationId = "matchDemand", summary = "Suggest teams and resources for a demand", description = "Active teams of the same community whose category fits "
            + "or whose members hold every required skill, and available resources of the community in the demand's category. Readers of "
            + "the demand's scope.")
    public Matches matches(@PathParam("id") UUID id) {
        service.find(id, caller.readScope(), null).orElseThrow(() -> ProblemException.notFound("demand", id));
        return service.matches(id);
    }

    private DemandView visible(UUID id) {
        return service.find(id, caller.readScope(), caller.subject()).orElseThrow(() -> ProblemException.notFound("demand", id));
    }
}
