package org.community.volunteer.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.volunteer.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/volunteer-audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what in volunteer-service, when, from which request id")
public class AuditResource {

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    OrgUnits orgUnits;

    @GET
    @Operation(operationId = "listVolunteerAudit", summary = "Search the audit log", description = "Admin roles only (others 403), filtered to the caller's scope; newest first. "
            + "`within` outside the caller's scope is 403.")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    @APIResponse(responseCode = "403", description = "Not an admin role, or `within` outside the caller's scope")
    public Page<AuditEntry> search(
            @QueryParam("within") @Parameter(description = "Only changes to records in this org unit's subtree") UUID within,
            @QueryParam("actor") @Size(max = 200) @Parameter(description = "Token sub of the actor") String actor,
            @QueryParam("resourceType") @Size(max = 50) @Parameter(description = "e.g. volunteer, team, activity, signup, serviceRecord") String resourceType,
            @QueryParam("resourceId") @Size(max = 100) String resourceId,
            @QueryParam("from") @Parameter(description = "At or after, RFC 3339") OffsetDateTime from,
            @QueryParam("to") @Parameter(description = "Before, RFC 3339") OffsetDateTime to,
            @Valid @BeanParam PageRequest page) {
        caller.require(caller.admin());
        String withinPath = null;
        if (within != null) {
            withinPath = orgUnits.forRead("within", within, caller.adminScope()).path();
        }
        AuditLog.Filter filter = new AuditLog.Filter(caller.adminScope(), withinPath, actor, resourceType, resourceId,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
        return Page.of(audit.search(filter, page), page, audit.count(filter));
    }
}
