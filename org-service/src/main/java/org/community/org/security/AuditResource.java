package org.community.org.security;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import org.community.org.db.Db;
import org.community.org.http.Page;
import org.community.org.http.PageRequest;
import org.community.org.problem.ProblemException;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.community.org.tree.Paths;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/org-audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what in org-service, when, from which request; for admins of the scope")
public class AuditResource {

    @Inject
    Db db;

    @Inject
    Caller caller;

    @Inject
    OrgUnitRepository units;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Audit log entries, newest first, paged", description = "Admin roles only; entries of changes inside the "
            + "caller's scope. `within` outside the scope is 403.")
    @APIResponse(responseCode = "403", description = "Not an admin role, or `within` outside the caller's scope")
    public Page<AuditEntry> list(@QueryParam("within") @Parameter(description = "Changes in this unit's subtree") UUID within,
            @QueryParam("actor") @Size(max = 200) @Parameter(description = "The actor's token subject") String actor,
            @QueryParam("resourceType") @Size(max = 50) @Parameter(description = "e.g. member, household, orgUnit") String resourceType,
            @QueryParam("resourceId") @Size(max = 100) @Parameter(description = "Id of the changed resource") String resourceId,
            @QueryParam("from") @Parameter(description = "At or after this instant (RFC 3339)") OffsetDateTime from,
            @QueryParam("to") @Parameter(description = "Before this instant (RFC 3339)") OffsetDateTime to,
            @Valid @BeanParam PageRequest page) {
        caller.require(Access.ADMIN);
        StringBuilder where = new StringBuilder("where true");
        List<Object> args = new ArrayList<>();
        if (within != null) {
            OrgUnit unit = units.find(within).orElseThrow(() -> ProblemException.invalidField("within", "unitUnknown", within));
            caller.requireIn(Access.ADMIN, unit.path());
            where.append(" and org_path >= ? and org_path < ?");
            args.add(unit.path());
            args.add(Paths.upperBound(unit.path()));
        } else {
            Scope.Condition scope = caller.scope().where("org_path");
            where.append(" and ").append(scope.sql());
            args.addAll(scope.args());
        }
        and(where, args, "actor = ?", actor);
        and(where, args, "resource_type = ?", resourceType);
        and(where, args, "resource_id = ?", resourceId);
        and(where, args, "occurred_at >= ?", from);
        and(where, args, "occurred_at < ?", to);
        long total = db.count("select count(*) from audit_entry " + where, args.toArray());
        args.add(page.size);
        args.add(page.offset());
        List<AuditEntry> items = db.list("select * from audit_entry " + where + " order by occurred_at desc, id limit ? offset ?",
                row -> AuditEntry.map(row, json), args.toArray());
        return Page.of(items, page, total);
    }

    private static void and(StringBuilder where, List<Object> args, String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            args.add(value);
        }
    }
}
