package org.community.volunteer.hours;

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
import org.community.volunteer.security.Scope;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/service-records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service records", description = "Service records (服务记录) from check-in/out, and their review by team leaders")
public class ServiceRecordResource {

    @Inject
    ServiceRecordRepository records;

    @Inject
    HoursService hours;

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listServiceRecords", summary = "Search service records", description = "By volunteer, team, activity, status or org subtree; newest first. "
            + "`status=SUBMITTED&teamId=…` is a leader's review queue. Admin roles, grid workers and team leaders see the records of their "
            + "scope (`orgUnitId` outside it is 403); volunteers their own.")
    public Page<ServiceRecordView> search(@QueryParam("volunteerId") UUID volunteerId, @QueryParam("teamId") UUID teamId,
            @QueryParam("activityId") UUID activityId, @QueryParam("status") RecordStatus status,
            @QueryParam("orgUnitId") @Parameter(description = "Records of teams in this unit's subtree") UUID orgUnitId,
            @Valid @BeanParam PageRequest page) {
        Scope scope = caller.readScope();
        ServiceRecordRepository.Filter filter = new ServiceRecordRepository.Filter(volunteerId, teamId, activityId, status,
                orgUnitId == null ? null : orgUnits.forRead("orgUnitId", orgUnitId, scope), scope,
                caller.scopedReader() ? null : caller.volunteerId().orElse(null));
        return Page.of(records.search(filter, page).stream().map(ServiceRecordView::of).toList(), page, records.count(filter));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getServiceRecord", summary = "Read a service record", description = "The volunteer's own, or inside the scope of admin roles, grid workers and team "
            + "leaders (404 otherwise). ETag set.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = ServiceRecordView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        ServiceRecord record = records.find(id).filter(r -> caller.isSelf(r.volunteerId()) || caller.readScope().contains(r.orgPath()))
                .orElseThrow(() -> ProblemException.notFound("serviceRecord", id));
        return Preconditions.okWithEtag(request, record.version(), ServiceRecordView.of(record));
    }

    @POST
    @Path("{id}/verify")
    @Operation(operationId = "verifyServiceRecord", summary = "Verify a record", description = "Admin roles and team leaders inside their scope, naming a leader or deputy of the team; `minutes` adjusts the computed minutes, and "
            + "more than the activity's length needs a reason (422 otherwise). The minutes then count toward hours and stars.")
    @APIResponse(responseCode = "200", description = "Verified")
    public ServiceRecordView verify(@PathParam("id") UUID id, @Valid @NotNull ReviewInput input) {
        return ServiceRecordView.of(hours.verify(id, input));
    }

    @POST
    @Path("{id}/reject")
    @Operation(operationId = "rejectServiceRecord", summary = "Reject a record", description = "Admin roles and team leaders inside their scope, naming a leader or deputy, with a reason; the record never counts.")
    @APIResponse(responseCode = "200", description = "Rejected")
    public ServiceRecordView reject(@PathParam("id") UUID id, @Valid @NotNull ReviewInput input) {
        return ServiceRecordView.of(hours.reject(id, input));
    }
}
