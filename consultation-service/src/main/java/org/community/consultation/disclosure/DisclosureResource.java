package org.community.consultation.disclosure;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;

@Path("/api/v1/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Disclosures", description = "信息公开: every income and expense of a compound's property fund and public income, with running "
        + "balances. Public to every authenticated caller; recorded and corrected by admin roles inside their scope.")
public class DisclosureResource {

    @Inject
    DisclosureService service;

    @Schema(name = "DisclosureEntries", description = "The entries written by one request, in ledger order")
    public record Written(List<DisclosureView> entries) {
    }

    @Schema(name = "FundBalance", description = "A fund's totals; income and expense include reversals")
    public record Balance(UUID compoundId, String compoundName, DisclosureInputs.Fund fund, BigDecimal balance, BigDecimal income,
            BigDecimal expense, long entries) {
    }

    @POST
    @Operation(operationId = "recordDisclosure", summary = "Disclose an income or expense", description = "The first entry of a compound checks it with org-service (503 when it "
            + "cannot be asked). 409 when an expense would take the fund below zero. Admin roles, for a compound inside their scope (403 otherwise).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DisclosureView.class)), description = "Recorded")
    public Response record(@Valid @NotNull DisclosureInputs.EntryInput input) {
        List<UUID> ids = service.record(input);
        DisclosureView entry = find(ids.get(0));
        return Response.created(URI.create("/api/v1/disclosures/" + entry.id())).entity(entry).build();
    }

    @POST
    @Path("{id}/corrections")
    @Operation(operationId = "correctDisclosure", summary = "Correct an entry", description = "Never an edit: appends a REVERSAL of the entry and, when given, a REPLACEMENT; "
            + "both reference it. 409 when it was already corrected. Admin roles inside their scope.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Written.class)), description = "Corrected")
    public Response correct(@PathParam("id") UUID id, @Valid @NotNull DisclosureInputs.CorrectionInput input) {
        List<UUID> ids = service.correct(id, input);
        return Response.status(201).entity(new Written(ids.stream().map(this::find).toList())).build();
    }

    @GET
    @Operation(operationId = "listDisclosures", summary = "A fund's ledger, paged", description = "In ledger order, each entry with the balance after it.")
    public Page<DisclosureView> list(@QueryParam("compoundId") @NotNull UUID compoundId, @QueryParam("fund") @NotNull DisclosureInputs.Fund fund,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to, @Valid @BeanParam PageRequest page) {
        PanacheQuery<DisclosureEntry> entries = service.entries(compoundId, fund, from, to);
        return Page.of(service.views(entries.page(page.page, page.size).list()), page, entries.count());
    }

    @GET
    @Path("balances")
    @Operation(operationId = "listDisclosureBalances", summary = "Balances of a compound's funds", description = "One line per fund of the compound: "
            + "the balance after the last entry, and the income and expense recorded so far.")
    public List<Balance> balances(@QueryParam("compoundId") @NotNull UUID compoundId) {
        return service.balances(compoundId);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getDisclosure", summary = "Read an entry", description = "One ledger entry of the public disclosure, with the "
            + "balance after it and, for a correction, the entry it corrects.")
    public DisclosureView get(@PathParam("id") UUID id) {
        return find(id);
    }

    private DisclosureView find(UUID id) {
        return service.entry(id).orElseThrow(() -> ProblemException.notFound("disclosure", id));
    }
}
