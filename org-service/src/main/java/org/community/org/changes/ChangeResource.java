package org.community.org.changes;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.community.org.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;

/** The change feed of the tree and the full snapshot, for the other services' copies of it (README "The change feed"). */
@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SERVICE)
@Tag(name = "Org unit changes", description = "The ordered feed of every change to the tree, for service accounts (role SERVICE)")
public class ChangeResource {

    @Inject
    ChangeFeed feed;

    @Inject
    ChangeRepository changes;

    @GET
    @Path("changes")
    @Blocking
    @Operation(operationId = "listOrgUnitChanges", summary = "Read the change feed",
            description = "Events with seq > after in ascending seq (= commit order: no event can appear later below a seq already read). "
                    + "With wait > 0 and nothing after `after`, the request is held until a change commits or `wait` seconds pass "
                    + "(then 200 with no items). A cursor older than the retention (30 days) is 410 changes-expired: resync from "
                    + "/api/v1/org-units/snapshot. Role SERVICE only.")
    @APIResponse(responseCode = "200", description = "A page of events (possibly empty)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "410", description = "Events after `after` were purged: resync from the snapshot",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public CompletionStage<ChangePage> changes(
            @QueryParam("after") @DefaultValue("0") @Min(0) @Parameter(description = "The last seq the consumer has applied") long after,
            @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(1000) @Parameter(description = "At most this many events") int limit,
            @QueryParam("wait") @DefaultValue("0") @Min(0) @Max(30)
            @Parameter(description = "Seconds to wait for a change when there is none after `after`") int wait) {
        return feed.read(after, limit, wait * 1000L);
    }

    @GET
    @Path("snapshot")
    @Operation(operationId = "getOrgUnitSnapshot", summary = "Read every unit, for a full resync",
            description = "Every unit, dissolved ones included, keyset-paged by id. Record `asOf` of the FIRST page, read every page "
                    + "(nextAfterId until null), then follow the feed from that `asOf`. Role SERVICE only.")
    @APIResponse(responseCode = "200", description = "A page of units",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SnapshotPage.class)))
    public SnapshotPage snapshot(
            @QueryParam("afterId") @Parameter(description = "The last unit id of the previous page") UUID afterId,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(2000) @Parameter(description = "At most this many units") int limit) {
        // the feed's position first: a change committed after it has a higher seq and is replayed from the feed
        long asOf = changes.latest();
        var items = changes.units(afterId, limit);
        UUID nextAfterId = items.size() < limit ? null : items.get(items.size() - 1).unitId();
        return new SnapshotPage(items, asOf, nextAfterId);
    }
}
