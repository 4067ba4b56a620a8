package org.community.org.dues;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/dues/units/{unitId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Party dues reports", description = "Collection per month, arrears and the six-month flag, a branch's month (JSON or xlsx), "
        + "the half-yearly remittance; for a unit's subtree, the unit included")
public class DuesReportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** A spreadsheet is of a branch's month, not of a district's. */
    static final int XLSX_MAX_ROWS = 5_000;

    @Inject
    DuesReports reports;

    @Inject
    Caller caller;

    @Inject
    OrgUnitRepository units;

    @Inject
    DuesCalendar calendar;

    @GET
    @Path("collection")
    @Operation(operationId = "getDuesCollection", summary = "A month's collection of the subtree and of each child unit", description = "Members liable, members paid, the "
            + "collection rate, dues owed and paid, voluntary extra, and the money handed in during the month. From counters kept on every write: "
            + "one key range read per unit.")
    public DuesViews.Collection collection(@PathParam("unitId") UUID unitId,
            @QueryParam("month") @Pattern(regexp = "[0-9]{4}-[0-9]{2}") @Parameter(description = "YYYY-MM; this month when absent",
                    example = "2026-10") String month) {
        return reports.collection(unit(unitId), month(month, "month", calendar.currentMonth()));
    }

    @GET
    @Path("collection/months")
    @Operation(operationId = "listDuesCollectionMonths", summary = "The subtree's collection month by month", description = "From `from` to `to` (at most 24 months; the last 12 when absent).")
    public List<DuesViews.CollectionLine> series(@PathParam("unitId") UUID unitId,
            @QueryParam("from") @Pattern(regexp = "[0-9]{4}-[0-9]{2}") @Parameter(example = "2026-01") String from,
            @QueryParam("to") @Pattern(regexp = "[0-9]{4}-[0-9]{2}") @Parameter(example = "2026-12") String to) {
        OrgUnit unit = unit(unitId);
        YearMonth last = month(to, "to", calendar.currentMonth());
        YearMonth first = month(from, "from", last.minusMonths(11));
        if (first.isAfter(last) || first.plusMonths(23).isBefore(last)) {
            throw ProblemException.badField("from", "duesSeriesRange");
        }
        return reports.series(unit, first, last);
    }

    @GET
    @Path("arrears")
    @Operation(operationId = "listDuesArrears", summary = "Members with unpaid months, paged", description = "Members of the subtree owing at least `minMonths` months up to "
            + "`asOf` (the last finished month when absent), longest first, with the amount owed. `flagged` marks six or more consecutive unpaid "
            + "months that no recorded reason covers (the Party Constitution treats that as leaving the Party): the system flags, the branch "
            + "decides. `flaggedOnly=true` lists those only.")
    public Page<DuesViews.ArrearsLine> arrears(@PathParam("unitId") UUID unitId,
            @QueryParam("asOf") @Pattern(regexp = "[0-9]{4}-[0-9]{2}") @Parameter(example = "2026-10") String asOf,
            @QueryParam("minMonths") @DefaultValue("1") @Min(1) @Max(120) int minMonths,
            @QueryParam("flaggedOnly") @DefaultValue("false") boolean flaggedOnly, @Valid @BeanParam PageRequest page) {
        OrgUnit unit = unit(unitId);
        YearMonth month = month(asOf, "asOf", calendar.currentMonth().minusMonths(1));
        return Page.of(reports.arrears(unit.path(), month, minMonths, flaggedOnly, page), page,
                reports.countArrears(unit.path(), month, minMonths, flaggedOnly));
    }

    @GET
    @Path("roster")
    @Operation(operationId = "listDuesRoster", summary = "The subtree's members with their dues for a month, paged", description = "PAID with the receipt, DUE, NOT_LIABLE or "
            + "NO_BASE; the monthly amount; in tree order then by name.")
    public Page<DuesViews.RosterLine> roster(@PathParam("unitId") UUID unitId,
            @QueryParam("month") @Pattern(regexp = "[0-9]{4}-[0-9]{2}") @Parameter(example = "2026-10") String month,
            @Valid @BeanParam PageRequest page) {
        OrgUnit unit = unit(unitId);
        return Page.of(reports.roster(unit.path(), month(month, "month", calendar.currentMonth()), page), page, reports.countRoster(unit.path()));
    }

    @GET
    @Path("roster.xlsx")
    @Produces(XLSX)
    @Operation(operationId = "exportDuesRoster", summary = "A branch's month as a spreadsheet (xlsx)", description = "One row per member as in the roster, and a totals row. "
            + "At most 5,000 members (a branch or a community, 422 beyond).")
    @APIResponse(responseCode = "200", description = "The xlsx file")
    public Response rosterXlsx(@PathParam("unitId") UUID unitId,
            @QueryParam("month") @Pattern(regexp = "[0-9]{4}-[0-9]{2}") @Parameter(example = "2026-10") String month) {
        OrgUnit unit = unit(unitId);
        YearMonth m = month(month, "month", calendar.currentMonth());
        if (reports.countRoster(unit.path()) > XLSX_MAX_ROWS) {
            throw ProblemException.invalidField("unitId", "duesXlsxTooLarge", XLSX_MAX_ROWS);
        }
        byte[] file = RosterXlsx.render(unit.name(), m, reports.roster(unit.path(), m, PageRequest.of(0, XLSX_MAX_ROWS)));
        return Response.ok(file, XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"dues-" + unit.code() + "-" + m + ".xlsx\"").build();
    }

    @GET
    @Path("remittance")
    @Operation(operationId = "getDuesRemittanceReport", summary = "The half-year's money and its remittance to the higher organization", description = "What units of the subtree "
            + "received during the half (reversals subtracted), and the remittance recorded for this unit, if any.")
    public DuesViews.Remittance remittance(@PathParam("unitId") UUID unitId,
            @QueryParam("half") @NotNull @Pattern(regexp = "[0-9]{4}-H[12]") @Parameter(example = "2026-H1") String half) {
        return reports.remittance(unit(unitId), half);
    }

    /** The unit a report is about: inside the caller's scope (403 otherwise; the unit itself is public). */
    private OrgUnit unit(UUID id) {
        caller.require(Access.RECORDS);
        OrgUnit unit = units.find(id).orElseThrow(() -> ProblemException.notFound("orgUnit", id));
        caller.requireIn(Access.RECORDS, unit.path());
        return unit;
    }

    private static YearMonth month(String text, String field, YearMonth fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeException e) {
            throw ProblemException.badField(field, "monthInvalid", text);
        }
    }
}
