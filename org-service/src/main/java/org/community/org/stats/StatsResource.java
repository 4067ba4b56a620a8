package org.community.org.stats;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.community.org.household.HouseholdRepository;
import org.community.org.household.HouseholdView;
import org.community.org.household.HouseholdViews;
import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.community.org.tree.OrgUnitView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read models over a subtree: roll-up figures and the coverage gaps behind them. */
@Path("/api/v1/org-units/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stats and coverage", description = "Roll-up figures of a subtree and its coverage gaps")
public class StatsResource {

    @Inject
    OrgUnitRepository units;

    @Inject
    Caller caller;

    @Inject
    HouseholdRepository households;

    @Inject
    HouseholdViews householdViews;

    @Inject
    Rollups rollups;

    @GET
    @Path("stats")
    @Operation(operationId = "getOrgUnitStats", summary = "Roll-up figures of a unit's subtree", description = "Units by level and by form, members by status, households, residents, "
            + "central households (党员中心户) and coverage gaps below the unit. Kept current by every write: one key lookup.")
    public UnitStats stats(@PathParam("id") UUID id) {
        OrgUnit unit = find(id);
        return UnitStats.of(unit, rollups.read(unit.key()));
    }

    @GET
    @Path("coverage")
    @Operation(operationId = "getOrgUnitCoverage", summary = "Coverage gaps of a unit's subtree", description = "How many buildings have no party organization, "
            + "organizations no secretary or leader, households no central household; the lists are the sub-resources.")
    public UnitStats.Coverage coverage(@PathParam("id") UUID id) {
        return UnitStats.coverage(rollups.read(find(id).key()));
    }

    @GET
    @Path("coverage/uncovered-buildings")
    @Operation(operationId = "listUncoveredBuildings", summary = "Buildings without a party organization, paged", description = "Active BUILDING units with no organization form, in tree order.")
    public Page<OrgUnitView> uncoveredBuildings(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        OrgUnit unit = find(id);
        return unitPage(units.uncoveredBuildings(unit, page), page, rollups.read(unit.key()).get(Metric.UNCOVERED_BUILDINGS));
    }

    @GET
    @Path("coverage/leaderless-units")
    @Operation(operationId = "listLeaderlessUnits", summary = "Organizations without a secretary or leader, paged", description = "Active units with an organization form but no active SECRETARY post (GROUP_LEADER for a group), in tree order.")
    public Page<OrgUnitView> leaderlessUnits(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        OrgUnit unit = find(id);
        return unitPage(units.leaderless(unit, page), page, rollups.read(unit.key()).get(Metric.LEADERLESS_UNITS));
    }

    @GET
    @Path("coverage/unserved-households")
    @Operation(operationId = "listUnservedHouseholds", summary = "Households not served by any central household, paged", description = "In tree order.")
    public Page<HouseholdView> unservedHouseholds(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        caller.require(Access.RECORDS);
        OrgUnit unit = find(id);
        Counts counts = rollups.read(unit.key());
        return householdViews.page(households.unserved(unit.path(), page), page,
                counts.get(Metric.HOUSEHOLDS) - counts.get(Metric.SERVED_HOUSEHOLDS));
    }

    /**
     * A unit whose figures the caller may read: inside its scope (403 otherwise: the unit itself is public, its
     * figures are not).
     */
    private OrgUnit find(UUID id) {
        caller.require(Access.STATS);
        OrgUnit unit = units.find(id).orElseThrow(() -> ProblemException.notFound("orgUnit", id));
        caller.requireIn(Access.STATS, unit.path());
        return unit;
    }

    private static Page<OrgUnitView> unitPage(List<OrgUnit> found, PageRequest page, long total) {
        return Page.of(found.stream().map(OrgUnitView::of).toList(), page, total);
    }
}
