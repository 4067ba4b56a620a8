package org.community.org.dues;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.db.DataAccessException;
import org.community.conventions.db.Db;
import org.community.conventions.db.Ids;
import org.community.org.member.Member;
import org.community.org.member.MemberStatus;
import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemException.Violation;
import org.community.conventions.problem.ProblemType;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.community.org.tree.Paths;

/**
 * Payments and reversals. Months are settled in order: a payment starts at the member's first unpaid month, so two
 * clerks recording the same month end with one payment (the account row is locked, and the register's primary key
 * backs it up) and the other gets 409. A batch checks every item first and writes all or nothing.
 */
@ApplicationScoped
public class PaymentService {

    /** A payment more than this many months overdue needs a recorded reason (补交党费一般不超过六个月). */
    static final int BACK_PAYMENT_MONTHS = 6;
    /** A receipt covers at most a year, ending no later than eleven months after the current one. */
    static final int MAX_MONTHS = 12;

    @Inject
    Db db;

    @Inject
    DuesRepository dues;

    @Inject
    Ledger ledger;

    @Inject
    DuesRollups rollups;

    @Inject
    OrgUnitRepository units;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    DuesCalendar calendar;

    /** One payment, checked: what is written for it. */
    record Planned(Member member, Account account, YearMonth from, int months, long[] dueByMonth, long extraFen, UUID collectedUnitId,
            String collectedPath, String backPaymentReason, String note) {

        long dueFen() {
            long sum = 0;
            for (long due : dueByMonth) {
                sum += due;
            }
            return sum;
        }
    }

    /** The fields of one payment, whether it came alone or in a batch. */
    record Request(UUID memberId, YearMonth fromMonth, Integer months, java.math.BigDecimal extra, java.math.BigDecimal amount,
            String backPaymentReason, String note) {
    }

    @Transactional
    public DuesViews.Receipt pay(PaymentInput input) {
        caller.require(Access.ADMIN);
        Member member = lockMembers(List.of(input.memberId())).get(input.memberId());
        if (member == null || !(caller.sees(member.path()) || stationPath(member.id()).map(caller::sees).orElse(false))) {
            throw ProblemException.invalidField("memberId", "memberUnknown", input.memberId());
        }
        OrgUnit collecting = input.collectedAt() == null ? units.find(member.unitId()).orElseThrow()
                : units.find(input.collectedAt()).orElseThrow(() -> ProblemException.invalidField("collectedAt", "unitUnknown", input.collectedAt()));
        caller.requireIn(Access.ADMIN, collecting.path());
        if (!collecting.id().equals(member.unitId()) && !stationPath(member.id()).filter(collecting.path()::equals).isPresent()) {
            throw ProblemException.invalidField("collectedAt", "duesCollectedElsewhere", member.name());
        }
        Map<UUID, Account> accounts = dues.lockAccounts(List.of(member.id()));
        Map<UUID, List<Base>> bases = dues.currentBases(List.of(member.id()));
        List<Violation> conflicts = new ArrayList<>();
        List<Violation> invalid = new ArrayList<>();
        Planned planned = plan("", new Request(input.memberId(), input.fromMonth(), input.months(), input.extra(), input.amount(),
                input.backPaymentReason(), input.note()), member, accounts.get(member.id()), bases.getOrDefault(member.id(), List.of()),
                collecting, conflicts, invalid);
        refuse(conflicts, invalid);
        LocalDate paidOn = input.paidOn() == null ? calendar.today() : input.paidOn();
        PaymentMethod method = input.method() == null ? PaymentMethod.CASH : input.method();
        return write(List.of(planned), paidOn, method).get(0);
    }

    @Transactional
    public DuesViews.BatchResult payBatch(BatchInput input) {
        caller.require(Access.ADMIN);
        OrgUnit unit = units.lockAgainstMove(input.unitId())
                .orElseThrow(() -> ProblemException.invalidField("unitId", "unitUnknown", input.unitId()));
        caller.requireIn(Access.ADMIN, unit.path());
        List<UUID> ids = input.payments().stream().map(BatchInput.Item::memberId).toList();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                throw ProblemException.badField("payments[" + i + "].memberId", "duesBatchDuplicate", ids.get(i));
            }
        }
        Map<UUID, Member> members = lockMembers(ids);
        Map<UUID, String> stations = stationPaths(ids);
        Map<UUID, Account> accounts = dues.lockAccounts(ids);
        Map<UUID, List<Base>> bases = dues.currentBases(ids);
        List<Violation> conflicts = new ArrayList<>();
        List<Violation> invalid = new ArrayList<>();
        List<Planned> plans = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            BatchInput.Item item = input.payments().get(i);
            String prefix = "payments[" + i + "].";
            Member member = members.get(item.memberId());
            boolean here = member != null && (Paths.isWithin(member.path(), unit.path())
                    || (stations.get(member.id()) != null && Paths.isWithin(stations.get(member.id()), unit.path())));
            if (!here) {
                invalid.add(new Violation(prefix + "memberId", "duesMemberNotHere", item.memberId(), unit.name()));
                continue;
            }
            // a member of the unit pays in their own unit; a mobile member registered at a station here pays at the station
            OrgUnit collecting = Paths.isWithin(member.path(), unit.path()) ? null : units.find(stationUnitId(member.id())).orElseThrow();
            Planned planned = plan(prefix, new Request(item.memberId(), item.fromMonth(), item.months(), item.extra(), item.amount(),
                    item.backPaymentReason(), item.note()), member, accounts.get(member.id()), bases.getOrDefault(member.id(), List.of()),
                    collecting, conflicts, invalid);
            if (planned != null) {
                plans.add(planned);
            }
        }
        refuse(conflicts, invalid);
        LocalDate paidOn = input.paidOn() == null ? calendar.today() : input.paidOn();
        PaymentMethod method = input.method() == null ? PaymentMethod.CASH : input.method();
        List<DuesViews.Receipt> receipts = write(plans, paidOn, method);
        long total = receipts.stream().mapToLong(r -> Money.fen(r.totalAmount())).sum();
        return new DuesViews.BatchResult(receipts.size(), Money.yuan(total), receipts);
    }

    /**
     * Reverses a payment with a new entry. With {@code rerecord} the same months are paid again at once with today's
     * dues (a correction); without it only the member's latest payment may be reversed, so months stay settled in order.
     */
    @Transactional
    public List<DuesViews.Receipt> reverse(UUID receiptId, ReversalInput input) {
        caller.require(Access.ADMIN);
        Ledger.Entry payment = ledger.lock(receiptId).orElseThrow(() -> ProblemException.notFound("duesReceipt", receiptId));
        OrgUnit unit = units.find(payment.unitId()).orElseThrow();
        OrgUnit collected = units.find(payment.collectedUnitId()).orElseThrow();
        caller.requireVisible(Access.ADMIN, "duesReceipt", receiptId, unit.path(), collected.path());
        if (payment.kind() != ReceiptKind.PAYMENT) {
            throw ProblemException.conflict("duesReverseReversal");
        }
        if (ledger.reversed(receiptId)) {
            throw ProblemException.conflict("duesAlreadyReversed", payment.receiptNo());
        }
        Member member = lockMembers(List.of(payment.memberId())).get(payment.memberId());
        Account account = dues.lockAccount(payment.memberId()).orElseThrow();
        if (!input.rerecord()) {
            if (!payment.toMonth().plusMonths(1).equals(account.nextMonth())) {
                throw ProblemException.conflict("duesReverseNotLatest", payment.receiptNo());
            }
            if (payment.fromMonth().isBefore(account.unitSince())) {
                throw ProblemException.conflict("duesReverseBeforeTransfer", payment.receiptNo());
            }
        }
        long[] reversedDues = ledger.unsettle(payment);
        if (reversedDues.length != payment.months()) {
            throw ProblemException.conflict("duesReverseStale", payment.receiptNo());
        }
        LocalDate today = calendar.today();
        Instant now = Instant.now();
        List<String> numbers = ledger.nextReceiptNumbers(input.rerecord() ? 2 : 1, today.getYear());
        Ledger.Entry reversal = new Ledger.Entry(Ids.newId(), numbers.get(0), ReceiptKind.REVERSAL, payment.id(), payment.memberId(),
                payment.unitId(), payment.collectedUnitId(), payment.fromMonth(), payment.months(), -payment.dueFen(), -payment.extraFen(),
                -payment.totalFen(), today, payment.method(), null, input.reason().trim(), caller.subject(), now);
        RollupChange change = new RollupChange();
        change.addChain(Paths.keys(unit.path()), paidFigures(payment.fromMonth(), payment.months(), reversedDues, payment.dueFen(), payment.extraFen(), -1));
        change.addChain(Paths.keys(collected.path()), new MonthFigures().add(YearMonth.from(today), MonthFigures.Column.RECEIVED_FEN, -payment.totalFen()));
        List<Ledger.Entry> entries = new ArrayList<>(List.of(reversal));
        List<Ledger.PaidMonth> months = new ArrayList<>();
        if (input.rerecord()) {
            List<Base> bases = dues.currentBases(payment.memberId());
            long[] dueByMonth = new long[payment.months()];
            for (int m = 0; m < payment.months(); m++) {
                dueByMonth[m] = Schedule.amount(bases, payment.fromMonth().plusMonths(m));
            }
            long extra = input.extra() == null ? payment.extraFen() : Money.fen(input.extra());
            long due = java.util.Arrays.stream(dueByMonth).sum();
            LocalDate paidOn = input.paidOn() == null ? today : input.paidOn();
            Ledger.Entry again = new Ledger.Entry(Ids.newId(), numbers.get(1), ReceiptKind.PAYMENT, null, payment.memberId(), payment.unitId(),
                    payment.collectedUnitId(), payment.fromMonth(), payment.months(), due, extra, due + extra, paidOn, payment.method(),
                    payment.backPaymentReason(), "更正 " + payment.receiptNo() + ":" + input.reason().trim(), caller.subject(), now);
            entries.add(again);
            addMonths(months, again, dueByMonth);
            change.addChain(Paths.keys(unit.path()), paidFigures(payment.fromMonth(), payment.months(), dueByMonth, due, extra, 1));
            change.addChain(Paths.keys(collected.path()), new MonthFigures().add(YearMonth.from(paidOn), MonthFigures.Column.RECEIVED_FEN, due + extra));
        } else {
            ledger.advance(List.of(account.memberId()), List.of(payment.fromMonth()));
        }
        ledger.insert(entries, months);
        rollups.apply(change);
        audit.record("dues.reversal", "duesReceipt", reversal.id(), member.path(), Map.of("reverses", payment.receiptNo(), "receiptNo",
                reversal.receiptNo(), "reason", input.reason().trim(), "rerecord", input.rerecord()));
        if (input.rerecord()) {
            Ledger.Entry again = entries.get(1);
            audit.record("dues.payment", "duesReceipt", again.id(), member.path(), summary(again));
        }
        return entries.stream().map(e -> Ledger.view(e, member.name())).toList();
    }

    /** Checks one payment against the member's account and bases; findings go to {@code conflicts} (409) or {@code invalid} (422). */
    private Planned plan(String prefix, Request r, Member member, Account account, List<Base> bases, OrgUnit collecting,
            List<Violation> conflicts, List<Violation> invalid) {
        if (member.status() != MemberStatus.PROBATIONARY && member.status() != MemberStatus.FULL) {
            invalid.add(new Violation(prefix + "memberId", "duesNotMember", member.name(), member.status()));
            return null;
        }
        if (account == null) {
            invalid.add(new Violation(prefix + "memberId", "duesNoBase", member.name()));
            return null;
        }
        if (!account.open()) {
            invalid.add(new Violation(prefix + "memberId", "duesAccountClosed", member.name(), account.closedAfter()));
            return null;
        }
        if (r.fromMonth().isBefore(account.nextMonth())) {
            conflicts.add(new Violation(prefix + "fromMonth", "duesMonthPaid", member.name(), r.fromMonth(), account.nextMonth()));
            return null;
        }
        if (r.fromMonth().isAfter(account.nextMonth())) {
            invalid.add(new Violation(prefix + "fromMonth", "duesMonthGap", member.name(), account.nextMonth()));
            return null;
        }
        int months = r.months() == null ? 1 : r.months();
        YearMonth current = calendar.currentMonth();
        YearMonth last = r.fromMonth().plusMonths(months - 1L);
        if (last.isAfter(current.plusMonths(MAX_MONTHS - 1L))) {
            invalid.add(new Violation(prefix + "months", "duesTooFarAhead", current.plusMonths(MAX_MONTHS - 1L)));
            return null;
        }
        String reason = r.backPaymentReason() == null || r.backPaymentReason().isBlank() ? null : r.backPaymentReason().trim();
        if (r.fromMonth().isBefore(current.minusMonths(BACK_PAYMENT_MONTHS)) && reason == null) {
            invalid.add(new Violation(prefix + "backPaymentReason", "duesBackPaymentLimit", member.name(), r.fromMonth(), BACK_PAYMENT_MONTHS));
            return null;
        }
        long[] dueByMonth = new long[months];
        for (int m = 0; m < months; m++) {
            dueByMonth[m] = Schedule.amount(bases, r.fromMonth().plusMonths(m));
        }
        long extra = r.extra() == null ? 0 : Money.fen(r.extra());
        long due = java.util.Arrays.stream(dueByMonth).sum();
        if (r.amount() != null && Money.fen(r.amount()) != due + extra) {
            invalid.add(new Violation(prefix + "amount", "duesAmountMismatch", Money.yuan(due + extra).toPlainString(),
                    Money.yuan(due).toPlainString(), Money.yuan(extra).toPlainString()));
            return null;
        }
        UUID collectedId = collecting == null ? member.unitId() : collecting.id();
        String collectedPath = collecting == null ? null : collecting.path();
        return new Planned(member, account, r.fromMonth(), months, dueByMonth, extra, collectedId, collectedPath, reason,
                r.note() == null || r.note().isBlank() ? null : r.note().trim());
    }

    private static void refuse(List<Violation> conflicts, List<Violation> invalid) {
        if (!conflicts.isEmpty()) {
            List<Violation> all = new ArrayList<>(conflicts);
            all.addAll(invalid);
            throw new ProblemException(ProblemType.CONFLICT, all, "duesConflicts", conflicts.size());
        }
        if (!invalid.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, invalid, "invalidFields", invalid.size());
        }
    }

    /** Writes checked payments: receipts and settled months in batches, accounts advanced, counters in one upsert, an audit entry each. */
    private List<DuesViews.Receipt> write(List<Planned> plans, LocalDate paidOn, PaymentMethod method) {
        Instant now = Instant.now();
        List<String> numbers = ledger.nextReceiptNumbers(plans.size(), paidOn.getYear());
        Map<UUID, String> unitPaths = unitPaths(plans);
        List<Ledger.Entry> entries = new ArrayList<>();
        List<Ledger.PaidMonth> months = new ArrayList<>();
        RollupChange change = new RollupChange();
        Map<String, MonthFigures> byChain = new LinkedHashMap<>();
        for (int i = 0; i < plans.size(); i++) {
            Planned p = plans.get(i);
            long due = p.dueFen();
            Ledger.Entry entry = new Ledger.Entry(Ids.newId(), numbers.get(i), ReceiptKind.PAYMENT, null, p.member().id(), p.member().unitId(),
                    p.collectedUnitId(), p.from(), p.months(), due, p.extraFen(), due + p.extraFen(), paidOn, method, p.backPaymentReason(),
                    p.note(), caller.subject(), now);
            entries.add(entry);
            addMonths(months, entry, p.dueByMonth());
            byChain.computeIfAbsent(p.member().path(), k -> new MonthFigures())
                    .addAll(paidFigures(p.from(), p.months(), p.dueByMonth(), due, p.extraFen(), 1), 1);
            String collectedPath = p.collectedPath() == null ? unitPaths.get(p.member().unitId()) : p.collectedPath();
            byChain.computeIfAbsent(collectedPath, k -> new MonthFigures())
                    .add(YearMonth.from(paidOn), MonthFigures.Column.RECEIVED_FEN, due + p.extraFen());
        }
        byChain.forEach((path, figures) -> change.addChain(Paths.keys(path), figures));
        try {
            ledger.insert(entries, months);
        } catch (DataAccessException e) {
            if ("23505".equals(e.sqlState())) {
                throw ProblemException.conflict("duesMonthTaken");
            }
            throw e;
        }
        ledger.advance(plans.stream().map(p -> p.member().id()).toList(), plans.stream().map(p -> p.from().plusMonths(p.months())).toList());
        rollups.apply(change);
        List<DuesViews.Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            receipts.add(Ledger.view(entries.get(i), plans.get(i).member().name()));
        }
        audit.recordAll("dues.payment", "duesReceipt", entries.stream().map(Ledger.Entry::id).toList(),
                plans.stream().map(p -> p.member().path()).toList(), entries.stream().map(PaymentService::summary).toList());
        return receipts;
    }

    /** Paid counters of the months of a payment (sign −1 for a reversal); the extra counts with its first month. */
    private static MonthFigures paidFigures(YearMonth from, int months, long[] dueByMonth, long dueFen, long extraFen, int sign) {
        MonthFigures figures = new MonthFigures();
        for (int m = 0; m < months; m++) {
            figures.add(from.plusMonths(m), MonthFigures.Column.PAID_MEMBERS, sign);
        }
        if (dueByMonth != null) {
            for (int m = 0; m < months; m++) {
                figures.add(from.plusMonths(m), MonthFigures.Column.PAID_DUE_FEN, sign * dueByMonth[m]);
            }
        }
        figures.add(from, MonthFigures.Column.PAID_EXTRA_FEN, sign * extraFen);
        return figures;
    }

    private static void addMonths(List<Ledger.PaidMonth> months, Ledger.Entry entry, long[] dueByMonth) {
        for (int m = 0; m < entry.months(); m++) {
            months.add(new Ledger.PaidMonth(entry.memberId(), entry.fromMonth().plusMonths(m), entry.id(), dueByMonth[m],
                    m == 0 ? entry.extraFen() : 0));
        }
    }

    private static Map<String, Object> summary(Ledger.Entry e) {
        return Map.of("memberId", e.memberId().toString(), "receiptNo", e.receiptNo(), "fromMonth", e.fromMonth().toString(), "months", e.months(),
                "due", Money.yuan(e.dueFen()), "extra", Money.yuan(e.extraFen()), "total", Money.yuan(e.totalFen()),
                "collectedUnitId", e.collectedUnitId().toString());
    }

    /**
     * Members held against a concurrent transfer or unit move (FOR SHARE, in id order) while their payment is written:
     * the counters then go to the chain the member is in at commit.
     */
    private Map<UUID, Member> lockMembers(List<UUID> ids) {
        Map<UUID, Member> result = new HashMap<>();
        for (Member member : db.list("select " + Member.COLUMNS + " from member where id = any(?) order by id for share", Member::map,
                (Object) ids.toArray(UUID[]::new))) {
            result.put(member.id(), member);
        }
        return result;
    }

    private java.util.Optional<String> stationPath(UUID memberId) {
        return java.util.Optional.ofNullable(stationPaths(List.of(memberId)).get(memberId));
    }

    private Map<UUID, String> stationPaths(List<UUID> memberIds) {
        Map<UUID, String> result = new HashMap<>();
        db.list("select o.member_id, s.path from mobile_outflow o join org_unit s on s.id = o.station_unit_id where o.member_id = any(?)"
                + " and o.returned_on is null", row -> result.put(Db.uuid(row, "member_id"), row.getString("path")),
                (Object) memberIds.toArray(UUID[]::new));
        return result;
    }

    private UUID stationUnitId(UUID memberId) {
        return db.one("select station_unit_id from mobile_outflow where member_id = ? and returned_on is null", row -> Db.uuid(row, "station_unit_id"),
                memberId).orElseThrow();
    }

    private Map<UUID, String> unitPaths(List<Planned> plans) {
        Map<UUID, String> result = new HashMap<>();
        for (Planned p : plans) {
            result.put(p.member().unitId(), p.member().path());
        }
        return result;
    }
}
