package org.community.org.tree;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.conventions.problem.ProblemException;
import org.community.org.stats.Counts;
import org.community.org.stats.Metric;
import org.community.org.stats.Rollups;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Org units", description = "The party-organization chain: city → district → street → community → grid → compound → building")
public class OrgUnitResource {

    @Inject
    OrgTreeService tree;

    @Inject
    OrgUnitRepository units;

    @Inject
    LevelRules rules;

    @Inject
    Rollups rollups;

    public record LevelRulesView(Set<Level> roots, List<LevelRules.Rule> rules) {
    }

    @POST
    @Operation(operationId = "createOrgUnit", summary = "Create an org unit", description = "Checks the parent→child level pair against the level rules.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrgUnitView.class)), description = "Created; Location and ETag set")
    public Response create(@Valid @NotNull OrgUnitInput input) {
        OrgUnit unit = tree.create(input);
        return Response.created(URI.create("/api/v1/org-units/" + unit.id()))
                .tag(Preconditions.etag(unit.version()))
                .entity(OrgUnitView.of(unit))
                .build();
    }

    @GET
    @Operation(operationId = "listOrgUnits", summary = "Search org units", description = "By name (contains), code, level and status; within a subtree when `within` is given. "
            + "Sorted in tree order.")
    public Page<OrgUnitView> search(
            @QueryParam("within") @Parameter(description = "Only descendants of this unit") UUID within,
            @QueryParam("q") @Size(min = 1, max = 100) @Parameter(description = "Part of the name", example = "江欣苑") String q,
            @QueryParam("code") @Parameter(description = "Exact code") String code,
            @QueryParam("level") @Parameter(description = "Levels to include (repeatable)") List<Level> levels,
            @QueryParam("status") @Parameter(description = "ACTIVE or DISSOLVED; both when absent") UnitStatus status,
            @Valid @BeanParam PageRequest page) {
        OrgUnit root = within == null ? null
                : units.find(within).orElseThrow(() -> ProblemException.invalidField("within", "unitUnknown", within));
        OrgUnitRepository.SubtreeFilter filter = new OrgUnitRepository.SubtreeFilter(null, levelSet(levels), status,
                q == null ? null : q.trim(), code);
        return Page.of(units.search(root, filter, page).stream().map(OrgUnitView::of).toList(), page,
                units.countSearch(root, filter));
    }

    @GET
    @Path("level-rules")
    @Operation(operationId = "getOrgUnitLevelRules", summary = "The allowed parent→child level pairs", description = "Levels that may stand at the top, and every allowed pair.")
    public LevelRulesView levelRules() {
        return new LevelRulesView(rules.roots(), rules.rules());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOrgUnit", summary = "Read an org unit", description = "With its ETag; If-None-Match answers 304 when unchanged.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrgUnitView.class)))
    public Response get(@PathParam("id") UUID id, @jakarta.ws.rs.core.Context Request request) {
        OrgUnit unit = find(id);
        return Preconditions.okWithEtag(request, unit.version(), OrgUnitView.of(unit));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateOrgUnit", summary = "Update an org unit", description = "Replaces the editable fields. Requires If-Match with the current ETag.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrgUnitView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull OrgUnitChanges changes) {
        OrgUnit unit = tree.update(id, changes, ifMatch);
        return Response.ok(OrgUnitView.of(unit)).tag(Preconditions.etag(unit.version())).build();
    }

    @GET
    @Path("{id}/children")
    @Operation(operationId = "listOrgUnitChildren", summary = "Children of a unit, paged", description = "Sorted by code, each with its count of active children.")
    public Page<OrgUnitView> children(@PathParam("id") UUID id,
            @QueryParam("status") @Parameter(description = "ACTIVE or DISSOLVED; both when absent") UnitStatus status,
            @Valid @BeanParam PageRequest page) {
        find(id);
        return withChildCounts(units.children(id, status, page), page, units.countChildren(id, status));
    }

    @GET
    @Path("{id}/subtree")
    @Operation(operationId = "listOrgUnitSubtree", summary = "Descendants of a unit, paged", description = "In tree order (depth first). `maxDepth` 1 gives the children, "
            + "2 the grandchildren too; `level` keeps only some levels. Active units unless `status` says otherwise.")
    public Page<OrgUnitView> subtree(@PathParam("id") UUID id,
            @QueryParam("maxDepth") @Min(1) @Max(10) @Parameter(description = "Levels below this unit to include") Integer maxDepth,
            @QueryParam("level") @Parameter(description = "Levels to include (repeatable)") List<Level> levels,
            @QueryParam("status") @Parameter(description = "ACTIVE (default) or DISSOLVED") UnitStatus status,
            @Valid @BeanParam PageRequest page) {
        OrgUnit root = find(id);
        UnitStatus wanted = status == null ? UnitStatus.ACTIVE : status;
        OrgUnitRepository.SubtreeFilter filter = new OrgUnitRepository.SubtreeFilter(maxDepth, levelSet(levels), wanted, null, null);
        return withChildCounts(units.descendants(root, filter, page), page, subtreeTotal(root, filter));
    }

    @GET
    @Path("{id}/ancestors")
    @Operation(operationId = "listOrgUnitAncestors", summary = "Ancestors of a unit", description = "From the top down to the parent: the breadcrumb.")
    public List<OrgUnitView> ancestors(@PathParam("id") UUID id) {
        return units.ancestors(find(id)).stream().map(OrgUnitView::of).toList();
    }

    @POST
    @Path("{id}/move")
    @Operation(operationId = "moveOrgUnit", summary = "Move a unit with its whole subtree", description = "Atomic: every descendant and household moves with it. "
            + "Refused for a cycle (409) or a level pair the rules do not allow (422). If-Match is checked when sent.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrgUnitView.class)), description = "Moved")
    @APIResponse(responseCode = "409", description = "The new parent is the unit itself or one of its descendants")
    public Response move(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull MoveRequest request) {
        OrgUnit unit = tree.move(id, request, ifMatch);
        return Response.ok(OrgUnitView.of(unit)).tag(Preconditions.etag(unit.version())).build();
    }

    @POST
    @Path("{id}/dissolve")
    @Operation(operationId = "dissolveOrgUnit", summary = "Dissolve a unit", description = "Refused (409) while active children or households remain. "
            + "To record that a place has no party organization any more, update its form to empty instead.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrgUnitView.class)), description = "Dissolved")
    @APIResponse(responseCode = "409", description = "Active children or households remain, or already dissolved")
    public Response dissolve(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull DissolveRequest request) {
        OrgUnit unit = tree.dissolve(id, request, ifMatch);
        return Response.ok(OrgUnitView.of(unit)).tag(Preconditions.etag(unit.version())).build();
    }

    private OrgUnit find(UUID id) {
        return units.find(id).orElseThrow(() -> ProblemException.notFound("orgUnit", id));
    }

    private Page<OrgUnitView> withChildCounts(List<OrgUnit> found, PageRequest page, long total) {
        Map<UUID, Long> counts = units.activeChildCounts(found.stream().map(OrgUnit::id).toList());
        return Page.of(found.stream().map(unit -> OrgUnitView.of(unit, counts.getOrDefault(unit.id(), 0L))).toList(), page, total);
    }

    /**
     * Counting a city's 170,000 descendants row by row costs tens of milliseconds; the roll-up counters hold
     * the same number for active units by level, so they answer whenever no depth limit applies.
     */
    private long subtreeTotal(OrgUnit root, OrgUnitRepository.SubtreeFilter filter) {
        if (filter.maxDepth() != null || filter.status() != UnitStatus.ACTIVE) {
            return units.countDescendants(root, filter);
        }
        Counts counts = rollups.read(root.key());
        Set<Level> levels = filter.levels() == null || filter.levels().isEmpty() ? EnumSet.allOf(Level.class) : filter.levels();
        long total = 0;
        for (Level level : levels) {
            Metric metric = Metric.ofLevel(level);
            total += metric == null ? 0 : counts.get(metric);
        }
        return total;
    }

    private static Set<Level> levelSet(List<Level> levels) {
        return levels == null || levels.isEmpty() ? null : EnumSet.copyOf(levels);
    }
}
