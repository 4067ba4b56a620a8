package org.community.org.dues;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import jakarta.ws.rs.core.Response;

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.org.education.account.MemberAccounts;
import org.community.org.member.Member;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/v1/dues")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Party dues", description = "党费 by 中组发〔2008〕3号: bases, payments with receipts, reversals, excuses, remittances. Amounts are "
        + "yuan with two decimals, computed exactly in fen; a rate's amount is rounded half-up to the fen")
public class DuesResource {

    @Inject
    BaseService bases;

    @Inject
    MemberAccounts accounts;

    @Inject
    PaymentService payments;

    @Inject
    RemittanceService remittances;

    @Inject
    DuesRepository dues;

    @Inject
    DuesAccess access;

    @Inject
    DuesCalendar calendar;

    @Inject
    Ledger ledger;

    @Inject
    Caller caller;

    @Inject
    OrgUnitRepository units;

    @POST
    @Path("bases")
    @Operation(operationId = "setDuesBase", summary = "Set a member's dues base for a year", description = "Once a year per member (409 when set: correct it with PUT). "
            + "The monthly amount follows the table of 中组发〔2008〕3号: salaried (and no fixed income, on the last quarter's average) "
            + "≤3,000 0.5 %, ≤5,000 1 %, ≤10,000 1.5 %, above 2 %; retired ≤5,000 0.5 %, above 1 %; students, unemployed and relief 0.20; "
            + "farmers 0.20–1.00 as set. The rate applies to the whole base; the amount is rounded half-up to the fen. The first base opens the "
            + "member's dues from its month, never before the month of admission.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DuesViews.BaseView.class)), description = "Set; ETag is the base's version")
    @APIResponse(responseCode = "409", description = "A base is already set for that year, or the member is not a party member")
    public Response setBase(@Valid @NotNull BaseInput input) {
        Base base = bases.set(input);
        return Response.created(URI.create("/api/v1/dues/members/" + base.memberId() + "/bases")).tag(Preconditions.etag(base.version()))
                .entity(BaseService.view(base, true)).build();
    }

    @PUT
    @Path("members/{memberId}/bases/{year}")
    @Operation(operationId = "correctDuesBase", summary = "Correct a member's base for a year", description = "Requires If-Match with the current base's version. The previous "
            + "base is kept as history (superseded); the counters of the months it applies to change with it.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DuesViews.BaseView.class)))
    public Response correctBase(@PathParam("memberId") UUID memberId, @PathParam("year") @Min(2000) @Max(2100) int year,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull BaseFigures figures) {
        Base base = bases.correct(memberId, year, figures, ifMatch);
        return Response.ok(BaseService.view(base, true)).tag(Preconditions.etag(base.version())).build();
    }

    @GET
    @Path("members/{memberId}/bases")
    @Operation(operationId = "listDuesBases", summary = "A member's bases, current and superseded", description = "Newest year first. Income figures only for the admin roles "
            + "whose scope holds the member.")
    public List<DuesViews.BaseView> baseHistory(@PathParam("memberId") UUID memberId) {
        Member member = access.readable(memberId);
        boolean income = access.seesIncome(member.path());
        return dues.history(memberId).stream().map(b -> BaseService.view(b, income)).toList();
    }

    @GET
    @Path("members/{memberId}")
    @Operation(operationId = "getMemberDues", summary = "A member's dues", description = "Current base, first month, paid-up month (交至), the next month to pay, unpaid "
            + "months and amount up to the last finished month, the six-month flag and the recorded reasons. Seen by the member's scope and by "
            + "the station where a mobile member is registered; income figures only for the admin roles of the member's scope.")
    public DuesViews.MemberDues member(@PathParam("memberId") UUID memberId) {
        Member member = access.readable(memberId);
        return duesOf(member, access.seesIncome(member.path()));
    }

    @GET
    @Path("mine")
    @Operation(operationId = "getMyDues", summary = "The caller's own dues", description = "For a member whose account is linked (PUT /api/v1/members/{id}/account): the "
            + "same answer as for the branch, income figures included, since a member may see their own base. 404 when the caller's "
            + "account is linked to no member.")
    @APIResponse(responseCode = "200", description = "The caller's dues", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DuesViews.MemberDues.class)))
    @APIResponse(responseCode = "404", description = "The caller's account is linked to no member")
    public DuesViews.MemberDues mine() {
        Member member = accounts.me().orElseThrow(() -> ProblemException.notFound("memberAccount", caller.subject()));
        return duesOf(member, true);
    }

    private DuesViews.MemberDues duesOf(Member member, boolean income) {
        UUID memberId = member.id();
        YearMonth asOf = calendar.currentMonth().minusMonths(1);
        Account account = dues.account(memberId).orElse(null);
        List<DuesViews.Excuse> excuses = dues.excuses(memberId);
        if (account == null) {
            return new DuesViews.MemberDues(member.id(), member.name(), member.unitId(), member.status(), false, null, null, null, null, asOf, 0,
                    Money.yuan(0), false, null, null, excuses);
        }
        List<Base> current = dues.currentBases(memberId);
        DuesReports.Standing standing = DuesReports.standing(account, current, excuses, asOf);
        Base applying = Schedule.applying(current, calendar.currentMonth());
        if (applying == null) {
            applying = current.get(0);
        }
        return new DuesViews.MemberDues(member.id(), member.name(), member.unitId(), member.status(), true, account.startMonth(),
                account.paidThrough(), account.nextMonth(), account.closedAfter(), asOf, standing.owedMonths(), Money.yuan(standing.owedFen()),
                standing.flagged(), Money.yuan(applying.monthlyFen()), BaseService.view(applying, income), excuses);
    }

    @POST
    @Path("members/{memberId}/excuses")
    @Operation(operationId = "excuseDues", summary = "Record a valid reason for not paying", description = "Months it covers do not count toward the six-month flag. "
            + "Admin roles of the member's scope.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DuesViews.Excuse.class)), description = "Recorded")
    public Response excuse(@PathParam("memberId") UUID memberId, @Valid @NotNull ExcuseInput input) {
        DuesViews.Excuse excuse = bases.excuse(memberId, input);
        return Response.created(URI.create("/api/v1/dues/members/" + memberId)).entity(excuse).build();
    }

    @POST
    @Path("payments")
    @Operation(operationId = "payDues", summary = "Record a member's payment", description = "One to twelve months from the member's first unpaid month (months are "
            + "settled in order), at most eleven months beyond the current one. The dues come from the member's bases; `extra` is a voluntary "
            + "addition; `amount`, when sent, must equal both. A payment that includes a month more than six months overdue needs "
            + "`backPaymentReason` (422 without). Paid in the member's own unit, or at the station where a mobile member is registered "
            + "(`collectedAt`): the origin sees it in its figures and ledger.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DuesViews.Receipt.class)), description = "Recorded; the receipt")
    @APIResponse(responseCode = "409", description = "The month is already paid (e.g. by another clerk a moment ago)")
    public Response pay(@Valid @NotNull PaymentInput input) {
        DuesViews.Receipt receipt = payments.pay(input);
        return Response.created(URI.create("/api/v1/dues/receipts/" + receipt.id())).entity(receipt).build();
    }

    @POST
    @Path("payments/batch")
    @Operation(operationId = "payDuesBatch", summary = "Record a branch's payments at once", description = "Up to 500 payments of members of the unit's subtree (or mobile "
            + "members registered at a station in it). Every item is checked first and each finding names its item (`payments[3].fromMonth`); "
            + "then all are written in one transaction, or none. Same rules as a single payment.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DuesViews.BatchResult.class)), description = "Recorded; the receipts in request order")
    @APIResponse(responseCode = "409", description = "A month is already paid; nothing was written")
    public Response payBatch(@Valid @NotNull BatchInput input) {
        DuesViews.BatchResult result = payments.payBatch(input);
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    @GET
    @Path("receipts")
    @Operation(operationId = "listDuesReceipts", summary = "The ledger, paged", description = "Payments and reversals, newest first: of the members of the `within` subtree or "
            + "handed in there (a station sees what it collected), or of one member. A correction is a new reversing entry, never an edit.")
    public Page<DuesViews.Receipt> receipts(@QueryParam("within") @Parameter(description = "Subtree") UUID within,
            @QueryParam("memberId") UUID memberId, @QueryParam("from") @Parameter(description = "Paid on or after") LocalDate from,
            @QueryParam("to") @Parameter(description = "Paid on or before") LocalDate to, @Valid @BeanParam PageRequest page) {
        caller.require(Access.RECORDS);
        if (within == null && memberId == null) {
            throw ProblemException.badField("within", "duesLedgerFilter");
        }
        String path = null;
        if (within != null) {
            OrgUnit unit = units.find(within).orElseThrow(() -> ProblemException.invalidField("within", "unitUnknown", within));
            caller.requireIn(Access.RECORDS, unit.path());
            path = unit.path();
        }
        if (memberId != null) {
            access.readable(memberId);
        }
        Ledger.Filter filter = new Ledger.Filter(path, memberId, from, to);
        return Page.of(ledger.list(filter, page), page, ledger.count(filter));
    }

    @GET
    @Path("receipts/{id}")
    @Operation(operationId = "getDuesReceipt", summary = "Read a ledger entry", description = "Seen by the member's unit's scope and the collecting unit's.")
    public DuesViews.Receipt receipt(@PathParam("id") UUID id) {
        caller.require(Access.RECORDS);
        Ledger.Entry entry = ledger.find(id).orElseThrow(() -> ProblemException.notFound("duesReceipt", id));
        caller.requireVisible(Access.RECORDS, "duesReceipt", id, units.find(entry.unitId()).map(OrgUnit::path).orElse(null),
                units.find(entry.collectedUnitId()).map(OrgUnit::path).orElse(null));
        return Ledger.view(entry, dues.memberName(entry.memberId()));
    }

    @POST
    @Path("receipts/{id}/reversal")
    @Operation(operationId = "reverseDuesReceipt", summary = "Reverse a payment", description = "Adds a reversing entry (negative amounts) and frees its months. With `rerecord` the "
            + "same months are recorded again at once with today's dues and the given extra: the way to correct an older payment. Without it "
            + "only the member's latest payment may be reversed. A payment is reversed once.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = DuesViews.Receipt.class)), description = "The reversal, and the new payment when re-recorded")
    @APIResponse(responseCode = "409", description = "Already reversed, a reversal itself, or not the member's latest payment")
    public Response reverse(@PathParam("id") UUID id, @Valid @NotNull ReversalInput input) {
        List<DuesViews.Receipt> entries = payments.reverse(id, input);
        return Response.created(URI.create("/api/v1/dues/receipts/" + entries.get(0).id())).entity(entries).build();
    }

    @POST
    @Path("remittances")
    @Operation(operationId = "remitDues", summary = "Record a unit's half-yearly remittance", description = "Once per unit and half-year (409 after), when the half is "
            + "over. The report `GET /dues/units/{id}/remittance` shows what was received and what is still to remit.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DuesViews.Remittance.class)), description = "Recorded")
    @APIResponse(responseCode = "409", description = "Already recorded for that half-year")
    public Response remit(@Valid @NotNull RemittanceInput input) {
        DuesViews.Remittance remittance = remittances.record(input);
        return Response.created(URI.create("/api/v1/dues/units/" + input.unitId() + "/remittance?half=" + input.half())).entity(remittance).build();
    }
}
