package org.community.org.security;

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
import org.community.conventions.problem.ProblemException;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/org-audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what in org-service, when, from which request; for admins of the scope")
public class AuditResource {

    @Inject
    AuditLog log;

    @Inject
    Caller caller;

    @Inject
    OrgUnitRepository units;

    @GET
    @Operation(operationId = "listOrgAudit", summary = "Audit log entries, newest first, paged", description = "Admin roles only; entries of changes inside the "
            + "caller's scope. 403 for a caller without an admin role, or `within` outside the scope.")
    public Page<AuditEntry> list(@QueryParam("within") @Parameter(description = "Changes in this unit's subtree") UUID within,
            @QueryParam("actor") @Size(max = 200) @Parameter(description = "The actor's token subject") String actor,
            @QueryParam("resourceType") @Size(max = 50) @Parameter(description = "e.g. member, household, orgUnit") String resourceType,
            @QueryParam("resourceId") @Size(max = 100) @Parameter(description = "Id of the changed resource") String resourceId,
            @QueryParam("from") @Parameter(description = "At or after this instant (RFC 3339)") OffsetDateTime from,
            @QueryParam("to") @Parameter(description = "Before this instant (RFC 3339)") OffsetDateTime to,
            @Valid @BeanParam PageRequest page) {
        caller.require(Access.ADMIN);
        String subtree = null;
        if (within != null) {
            OrgUnit unit = units.find(within).orElseThrow(() -> ProblemException.invalidField("within", "unitUnknown", within));
            caller.requireIn(Access.ADMIN, unit.path());
            subtree = unit.path();
        }
        AuditLog.Filter filter = new AuditLog.Filter(subtree, caller.scope(), blankToNull(actor), blankToNull(resourceType),
                blankToNull(resourceId), from, to);
        return Page.of(log.list(filter, page), page, log.count(filter));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
