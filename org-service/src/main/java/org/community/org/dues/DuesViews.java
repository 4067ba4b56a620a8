package org.community.org.dues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.org.member.MemberStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The read models of party dues. Amounts are yuan with two decimals, as JSON strings ("45.00"): exact, from whole fen. */
public final class DuesViews {

    private DuesViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DuesBase", description = "A member's dues base for a year. The income figures are personal data: shown only to the admin "
            + "roles whose scope holds the member (otherwise null, with incomeVisible false)")
    public record BaseView(UUID id, UUID memberId, int year, @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            example = "2026-01") YearMonth validFrom, DuesCategory category,
            @Schema(description = "The income base in yuan; null when hidden or for fixed amounts", example = "4500.00", nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal income,
            @Schema(nullable = true, description = "NO_FIXED_INCOME: the three monthly net incomes of the last quarter; null when hidden") List<String> quarterIncomes,
            @Schema(description = "The rate in percent, e.g. 1.0; null for fixed amounts; null when hidden", example = "1.0", nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal ratePercent,
            @Schema(description = "Monthly dues in yuan", example = "45.00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal monthlyAmount,
            boolean incomeVisible, @Schema(nullable = true) String note, String setBy, boolean current, long version, OffsetDateTime createdAt,
            @Schema(nullable = true) OffsetDateTime supersededAt) {
    }

    @Schema(name = "DuesExcuse", description = "A valid reason for not paying, recorded by the branch")
    public record Excuse(UUID id, @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "2026-03")
            YearMonth fromMonth, @Schema(nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "2026-08")
            YearMonth untilMonth, @Schema(nullable = true) String reason, String recordedBy, OffsetDateTime recordedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MemberDues", description = "A member's dues: base, paid-up month, arrears and the six-month flag")
    public record MemberDues(UUID memberId, String name, UUID unitId, MemberStatus status,
            @Schema(description = "False until the branch sets a first base") boolean hasAccount,
            @Schema(nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) YearMonth startMonth,
            @Schema(nullable = true, description = "Paid up to this month (交至); null when nothing is paid yet",
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) YearMonth paidThrough,
            @Schema(nullable = true, description = "The first unpaid month: the next payment starts here",
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) YearMonth nextMonth,
            @Schema(nullable = true, description = "After an exit nothing is owed past this month",
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) YearMonth closedAfter,
            @Schema(description = "The month arrears are counted to: the last finished month",
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) YearMonth asOf,
            long owedMonths, @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal owedAmount,
            @Schema(description = "Six or more consecutive unpaid months without a recorded valid reason") boolean flagged,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal", nullable = true) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal monthlyAmount, @Schema(nullable = true) BaseView currentBase, List<Excuse> excuses) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DuesReceipt", description = "A ledger entry: a payment with its receipt number, or the reversal of one")
    public record Receipt(UUID id, String receiptNo, ReceiptKind kind, @Schema(nullable = true) UUID reversesId, UUID memberId, String memberName, UUID unitId,
            @Schema(nullable = true, description = "Where the money was handed in: the member's unit, or the station of a mobile member") UUID collectedUnitId,
            @Schema(nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "2026-10") YearMonth fromMonth,
            int months,
            @Schema(nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "2026-12") YearMonth toMonth,
            @Schema(description = "Dues of the months, yuan; negative on a reversal", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal dueAmount,
            @Schema(description = "Voluntary extra payment, yuan", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal extraAmount, @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount, LocalDate paidOn,
            @Schema(nullable = true) PaymentMethod method, @Schema(nullable = true) String backPaymentReason, @Schema(nullable = true) String note, String recordedBy, OffsetDateTime recordedAt) {
    }

    @Schema(name = "DuesBatchResult", description = "The receipts of a batch, in the order of the request")
    public record BatchResult(int count, @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount, List<Receipt> receipts) {
    }

    @Schema(name = "DuesCollectionLine", description = "Collection figures of a unit's subtree (the unit included) for a month")
    public record CollectionLine(UUID unitId, String code, String name,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) YearMonth month,
            @Schema(description = "Members owing dues for the month") long liable,
            @Schema(description = "Of them, whose month is settled") long paid,
            @Schema(description = "paid / liable, 0 to 1, four decimals; null when nobody is liable", nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal collectionRate,
            @Schema(description = "Dues owed for the month, yuan", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal dueAmount,
            @Schema(description = "Dues of the month paid, yuan", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paidDueAmount,
            @Schema(description = "Voluntary extra paid with the month, yuan", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal extraAmount,
            @Schema(description = "dueAmount − paidDueAmount", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal outstandingAmount,
            @Schema(description = "Money handed in during the month at units of the subtree (any months' dues, reversals subtracted)",
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal receivedAmount) {
    }

    @Schema(name = "DuesCollection", description = "A month's collection for a unit's subtree and for each of its child units")
    public record Collection(CollectionLine total, List<CollectionLine> children) {
    }

    @Schema(name = "DuesArrearsLine", description = "A member with unpaid months up to asOf")
    public record ArrearsLine(UUID memberId, String name, UUID unitId, MemberStatus status,
            @Schema(nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) YearMonth paidThrough,
            @Schema(nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) YearMonth nextMonth, long owedMonths,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal owedAmount, @Schema(description = "The longest run of consecutive unpaid months not covered by a recorded reason")
            long unexcusedMonths, boolean flagged, boolean mobile) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DuesRosterLine", description = "A member's dues for one month in the branch's roster")
    public record RosterLine(UUID memberId, String name, UUID unitId, MemberStatus status, RosterStatus duesStatus, @Schema(nullable = true) DuesCategory category,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal", nullable = true) @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal monthlyAmount, @Schema(description = "Dues of the month paid, yuan; 0.00 while not paid", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paidDueAmount, @Schema(description = "Voluntary extra paid with the month, yuan; 0.00 while not paid", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal extraAmount, @Schema(nullable = true) String receiptNo, @Schema(nullable = true) LocalDate paidOn,
            @Schema(nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) YearMonth paidThrough) {
    }

    @Schema(description = "PAID (the month is settled), DUE (owed, not paid), NOT_LIABLE (before the first month or after an exit), "
            + "NO_BASE (the branch has not set a base)")
    public enum RosterStatus {
        PAID, DUE, NOT_LIABLE, NO_BASE
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DuesRemittance", description = "The half-year's money of a unit's subtree and its remittance to the higher organization")
    public record Remittance(UUID unitId, String half, LocalDate from, LocalDate to,
            @Schema(description = "Handed in during the half at units of the subtree", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal receivedAmount,
            @Schema(description = "Recorded remittance; null while not remitted", nullable = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal remittedAmount, @Schema(nullable = true) LocalDate remittedOn,
            @Schema(nullable = true) String toOrganization, @Schema(nullable = true) String note, @Schema(nullable = true) String recordedBy,
            @Schema(description = "receivedAmount − remittedAmount", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "decimal") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal outstandingAmount) {
    }
}
