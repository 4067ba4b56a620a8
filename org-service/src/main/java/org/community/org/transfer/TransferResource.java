package org.community.org.transfer;

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
import org.community.org.security.Scope;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/v1/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Transfers", description = "组织关系转接: from a member's unit to another unit or an outside organization, with letters")
public class TransferResource {

    @Inject
    TransferService service;

    @Inject
    Caller caller;

    @Inject
    TransferRepository transfers;

    @Inject
    OrgUnitRepository units;

    @Inject
    Letters letters;

    @POST
    @Operation(operationId = "initiateTransfer", summary = "Start a transfer", description = "To a branch or group of the system (toUnitId) or an outside organization "
            + "(externalOrg with letterNumber). One pending transfer per member; the member stays in the origin until accepted.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Transfer.View.class)), description = "Started")
    @APIResponse(responseCode = "409", description = "The member already has a pending transfer or is not a party member")
    public Response initiate(@Valid @NotNull TransferInput input) {
        Transfer transfer = service.initiate(input);
        return Response.created(URI.create("/api/v1/transfers/" + transfer.id())).tag(Preconditions.etag(transfer.version()))
                .entity(transfer.view()).build();
    }

    @GET
    @Operation(operationId = "listTransfers", summary = "Transfers of a member or of a subtree, paged", description = "Newest first. `within` lists transfers leaving or "
            + "entering the subtree: the full history per member with `memberId`.")
    public Page<Transfer.View> list(@QueryParam("memberId") @Parameter(description = "Transfers of this member") UUID memberId,
            @QueryParam("within") @Parameter(description = "Leaving or entering this unit's subtree") UUID within,
            @QueryParam("status") TransferStatus status, @Valid @BeanParam PageRequest page) {
        caller.require(Access.RECORDS);
        String path = within == null ? null
                : units.find(within).map(OrgUnit::path).orElseThrow(() -> ProblemException.invalidField("within", "unitUnknown", within));
        if (path != null) {
            caller.requireIn(Access.RECORDS, path);
        }
        Scope.Condition scope = path != null || caller.scope().everything() ? null : caller.scope().where("u.path");
        return Page.of(transfers.list(memberId, path, status, scope, page).stream().map(Transfer::view).toList(), page,
                transfers.count(memberId, path, status, scope));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTransfer", summary = "Read a transfer", description = "With its decision when decided.")
    public Transfer.View get(@PathParam("id") UUID id) {
        return find(id).view();
    }

    @POST
    @Path("{id}/accept")
    @Operation(operationId = "acceptTransfer", summary = "Accept a transfer", description = "Moves the member into the destination atomically (or, for an outside "
            + "organization, records the receipt and the member leaves as TRANSFERRED_OUT). A decided transfer answers 409.")
    @APIResponse(responseCode = "200", description = "Accepted")
    @APIResponse(responseCode = "409", description = "Already decided")
    public Transfer.View accept(@PathParam("id") UUID id, @Valid Decision decision) {
        return service.accept(id, decision == null ? new Decision(null, null) : decision).view();
    }

    @POST
    @Path("{id}/reject")
    @Operation(operationId = "rejectTransfer", summary = "Reject a transfer (退回)", description = "With a reason; the member stays in the origin.")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "409", description = "Already decided")
    public Transfer.View reject(@PathParam("id") UUID id, @Valid @NotNull Decision decision) {
        return service.reject(id, decision).view();
    }

    @POST
    @Path("{id}/cancel")
    @Operation(operationId = "cancelTransfer", summary = "Withdraw a transfer (撤回)", description = "By the origin while it is pending.")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "409", description = "Already decided")
    public Transfer.View cancel(@PathParam("id") UUID id, @Valid Decision decision) {
        return service.cancel(id, decision == null ? new Decision(null, null) : decision).view();
    }

    @GET
    @Path("{id}/letters/{kind}")
    @Produces("text/plain; charset=UTF-8")
    @Operation(operationId = "getTransferLetter", summary = "A notification letter as printable text", description = "`MEMBER`: the notice to the member; `RECEIVING`: the "
            + "introduction letter to the receiving organization. The ID number is masked.")
    public String letter(@PathParam("id") UUID id, @PathParam("kind") Letters.Kind kind) {
        return letters.render(find(id), kind);
    }

    /** A transfer the caller sees: leaving or entering its scope; otherwise 404 as for an unknown id. */
    private Transfer find(UUID id) {
        caller.require(Access.RECORDS);
        Transfer transfer = transfers.find(id).orElseThrow(() -> ProblemException.notFound("transfer", id));
        caller.requireVisible(Access.RECORDS, "transfer", id, path(transfer.fromUnitId()), path(transfer.toUnitId()));
        return transfer;
    }

    private String path(UUID unitId) {
        return unitId == null ? null : units.find(unitId).map(OrgUnit::path).orElse(null);
    }
}
