package org.community.org.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.member.MemberStatus;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.Paths;

/**
 * The dues reports: collection per month from the counters, arrears, the month's roster, the half-year's remittance.
 * Deliberate SQL: each is one query joining members, accounts and the register over a subtree's path range (planned
 * to stay on the indexes, see the arrears' join), answered as views; the entities are never changed here.
 */
@ApplicationScoped
public class DuesReports {

    private static final String PARTY_MEMBER = "m.status in ('PROBATIONARY', 'FULL')";
    /**
     * A member's account by primary key, for each member of the subtree's range. OFFSET 0 keeps the planner from turning
     * this into a hash join that reads all the accounts of the city (it underestimates how selective the path range is).
     */
    private static final String ACCOUNT = " join lateral (select * from dues_account a where a.member_id = m.id offset 0) a on true";

    @Inject
    Db db;

    @Inject
    DuesRollups rollups;

    @Inject
    DuesRepository dues;

    // ---- collection ----

    /** Months {@code from..to} of a unit's subtree: the liable figures add up the changes since the first month. */
    public List<DuesViews.CollectionLine> series(OrgUnit unit, YearMonth from, YearMonth to) {
        List<DuesRollups.Row> rows = rollups.rows(unit.key(), to);
        List<DuesViews.CollectionLine> lines = new ArrayList<>();
        long liable = 0;
        long due = 0;
        int next = 0;
        for (YearMonth month = rows.isEmpty() || rows.get(0).month().isAfter(from) ? from : rows.get(0).month(); !month.isAfter(to);
                month = month.plusMonths(1)) {
            DuesRollups.Row row = next < rows.size() && rows.get(next).month().equals(month) ? rows.get(next++) : null;
            if (row != null) {
                liable += row.get(MonthFigures.Column.LIABLE_DELTA);
                due += row.get(MonthFigures.Column.DUE_DELTA_FEN);
            }
            if (!month.isBefore(from)) {
                lines.add(line(unit, month, liable, due, row));
            }
        }
        return lines;
    }

    /**
     * One month of a unit's subtree, and of each child unit that has dues figures. The fast path: one statement adds up the
     * counter rows of the unit and its children up to the month (a primary-key range of a few dozen rows each), instead of
     * reading the millions of paid months below a street.
     */
    public DuesViews.Collection collection(OrgUnit unit, YearMonth month) {
        Date day = Date.valueOf(month.atDay(1));
        List<DuesViews.CollectionLine> lines = db.list("select u.id, u.code, u.name, sum(r.liable_delta) liable, sum(r.due_delta_fen) due,"
                + " coalesce(sum(r.paid_members) filter (where r.month = ?), 0) paid, coalesce(sum(r.paid_due_fen) filter (where r.month = ?), 0) paid_due,"
                + " coalesce(sum(r.paid_extra_fen) filter (where r.month = ?), 0) extra, coalesce(sum(r.received_fen) filter (where r.month = ?), 0) received"
                // the unit and its children first, then each one's counter rows by primary-key range (not a hash join over all rows)
                + " from (select id, key, code, name from org_unit where id = ? union all"
                + " select id, key, code, name from org_unit where parent_id = ? and status = 'ACTIVE') u"
                + " join lateral (select * from dues_rollup r where r.unit_key = u.key and r.month <= ? offset 0) r on true"
                + " group by u.id, u.code, u.name order by u.id = ? desc, u.code",
                row -> line(Db.uuid(row, "id"), row.getString("code"), row.getString("name"), month, row.getLong("liable"), row.getLong("due"),
                        row.getLong("paid"), row.getLong("paid_due"), row.getLong("extra"), row.getLong("received")),
                day, day, day, day, unit.id(), unit.id(), day, unit.id());
        if (lines.isEmpty() || !lines.get(0).unitId().equals(unit.id())) {
            return new DuesViews.Collection(line(unit.id(), unit.code(), unit.name(), month, 0, 0, 0, 0, 0, 0), lines);
        }
        return new DuesViews.Collection(lines.get(0), lines.subList(1, lines.size()));
    }

    private static DuesViews.CollectionLine line(OrgUnit unit, YearMonth month, long liable, long due, DuesRollups.Row row) {
        return line(unit.id(), unit.code(), unit.name(), month, liable, due, row == null ? 0 : row.get(MonthFigures.Column.PAID_MEMBERS),
                row == null ? 0 : row.get(MonthFigures.Column.PAID_DUE_FEN), row == null ? 0 : row.get(MonthFigures.Column.PAID_EXTRA_FEN),
                row == null ? 0 : row.get(MonthFigures.Column.RECEIVED_FEN));
    }

    private static DuesViews.CollectionLine line(UUID unitId, String code, String name, YearMonth month, long liable, long due, long paid,
            long paidDue, long extra, long received) {
        BigDecimal rate = liable == 0 ? null : BigDecimal.valueOf(paid).divide(BigDecimal.valueOf(liable), 4, RoundingMode.HALF_UP);
        return new DuesViews.CollectionLine(unitId, code, name, month, liable, paid, rate, Money.yuan(due), Money.yuan(paidDue),
                Money.yuan(extra), Money.yuan(due - paidDue), Money.yuan(received));
    }

    // ---- arrears ----

    record Owing(UUID memberId, String name, UUID unitId, MemberStatus status, boolean mobile, Account account) {
    }

    /**
     * Members of the subtree with at least {@code minMonths} unpaid months up to {@code asOf}, longest first. The fast path:
     * the subtree's members by the (path, name) index, their accounts by primary key: a community is a few hundred
     * key reads, however many months of payments are stored.
     */
    public List<DuesViews.ArrearsLine> arrears(String path, YearMonth asOf, int minMonths, boolean flaggedOnly, PageRequest page) {
        YearMonth latestNext = asOf.minusMonths(Math.max(minMonths, flaggedOnly ? 6 : 1) - 1L);
        String sql = "select m.id, m.name, m.unit_id, m.status, m.is_mobile, a.* from member m" + ACCOUNT
                + " where m.path >= ? and m.path < ? and " + PARTY_MEMBER + " and a.closed_after is null and a.next_month <= ?"
                + " order by a.next_month, m.path, m.name, m.id";
        List<Object> args = new ArrayList<>(List.of(path, Paths.upperBound(path), Date.valueOf(latestNext.atDay(1))));
        if (!flaggedOnly) {
            sql += " limit ? offset ?";
            args.add(page.size);
            args.add(page.offset());
        }
        List<Owing> owing = db.list(sql, row -> new Owing(Db.uuid(row, "id"), row.getString("name"), Db.uuid(row, "unit_id"),
                Db.enumValue(row, "status", MemberStatus.class), row.getBoolean("is_mobile"), Account.map(row)), args.toArray());
        List<DuesViews.ArrearsLine> lines = lines(owing, asOf);
        if (flaggedOnly) {
            lines = lines.stream().filter(DuesViews.ArrearsLine::flagged).toList();
            int from = (int) Math.min(lines.size(), page.offset());
            return lines.subList(from, Math.min(lines.size(), from + page.size));
        }
        return lines;
    }

    public long countArrears(String path, YearMonth asOf, int minMonths, boolean flaggedOnly) {
        if (flaggedOnly) {
            return arrears(path, asOf, minMonths, true, PageRequest.of(0, Integer.MAX_VALUE)).size();
        }
        YearMonth latestNext = asOf.minusMonths(Math.max(minMonths, 1) - 1L);
        return db.count("select count(*) from member m" + ACCOUNT + " where m.path >= ? and m.path < ? and "
                + PARTY_MEMBER + " and a.closed_after is null and a.next_month <= ?", path, Paths.upperBound(path), Date.valueOf(latestNext.atDay(1)));
    }

    private List<DuesViews.ArrearsLine> lines(List<Owing> owing, YearMonth asOf) {
        List<UUID> ids = owing.stream().map(Owing::memberId).toList();
        Map<UUID, List<Base>> bases = dues.currentBases(ids);
        Map<UUID, List<DuesViews.Excuse>> excuses = dues.excuses(ids);
        List<DuesViews.ArrearsLine> lines = new ArrayList<>();
        for (Owing o : owing) {
            Standing standing = standing(o.account(), bases.getOrDefault(o.memberId(), List.of()), excuses.getOrDefault(o.memberId(), List.of()), asOf);
            lines.add(new DuesViews.ArrearsLine(o.memberId(), o.name(), o.unitId(), o.status(), o.account().paidThrough(), o.account().nextMonth(),
                    standing.owedMonths(), Money.yuan(standing.owedFen()), standing.unexcusedMonths(), standing.flagged(), o.mobile()));
        }
        return lines;
    }

    /** Where a member stands as of a month: unpaid months and their amount, and the six-month flag. */
    public record Standing(long owedMonths, long owedFen, long unexcusedMonths, boolean flagged) {
    }

    /**
     * The flag: six or more consecutive unpaid months that no recorded reason covers (连续6个月不交纳党费, 又没有正当理由).
     * The system flags; the branch decides.
     */
    public static Standing standing(Account account, List<Base> bases, List<DuesViews.Excuse> excuses, YearMonth asOf) {
        long owed = account.owedMonths(asOf);
        long owedFen = 0;
        long run = 0;
        long longest = 0;
        for (long m = 0; m < owed; m++) {
            YearMonth month = account.nextMonth().plusMonths(m);
            owedFen += Schedule.amount(bases, month);
            boolean excused = excuses.stream().anyMatch(e -> !month.isBefore(e.fromMonth()) && (e.untilMonth() == null || !month.isAfter(e.untilMonth())));
            run = excused ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return new Standing(owed, owedFen, longest, longest >= 6);
    }

    // ---- roster ----

    /** The members of a subtree with their dues for a month, in tree order then by name. */
    public List<DuesViews.RosterLine> roster(String path, YearMonth month, PageRequest page) {
        record Row(UUID id, String name, UUID unitId, MemberStatus status, Account account, String receiptNo, LocalDate paidOn, Long paidDue,
                Long extra) {
        }
        List<Row> rows = db.list("select m.id, m.name, m.unit_id, m.status, a.member_id, a.start_month, a.next_month, a.unit_since, a.closed_after,"
                + " a.version, dm.due_fen, dm.extra_fen, r.receipt_no, r.paid_on from member m left join dues_account a on a.member_id = m.id"
                + " left join dues_month dm on dm.member_id = m.id and dm.month = ? left join dues_receipt r on r.id = dm.receipt_id"
                + " where m.path >= ? and m.path < ? and " + PARTY_MEMBER + " order by m.path, m.name, m.id limit ? offset ?", row -> {
                    Account account = row.getObject("member_id") == null ? null : Account.map(row);
                    long paidDue = row.getLong("due_fen");
                    Long due = row.wasNull() ? null : paidDue;
                    long extra = row.getLong("extra_fen");
                    return new Row(Db.uuid(row, "id"), row.getString("name"), Db.uuid(row, "unit_id"), Db.enumValue(row, "status", MemberStatus.class),
                            account, row.getString("receipt_no"), Db.date(row, "paid_on"), due, row.wasNull() ? null : extra);
                }, Date.valueOf(month.atDay(1)), path, Paths.upperBound(path), page.size, page.offset());
        Map<UUID, List<Base>> bases = dues.currentBases(rows.stream().map(Row::id).toList());
        List<DuesViews.RosterLine> lines = new ArrayList<>();
        for (Row r : rows) {
            List<Base> memberBases = bases.getOrDefault(r.id(), List.of());
            Base applying = Schedule.applying(memberBases, month);
            DuesViews.RosterStatus status;
            if (r.account() == null) {
                status = DuesViews.RosterStatus.NO_BASE;
            } else if (r.paidDue() != null) {
                status = DuesViews.RosterStatus.PAID;
            } else if (month.isBefore(r.account().startMonth()) || (r.account().closedAfter() != null && month.isAfter(r.account().closedAfter()))) {
                status = DuesViews.RosterStatus.NOT_LIABLE;
            } else {
                status = DuesViews.RosterStatus.DUE;
            }
            lines.add(new DuesViews.RosterLine(r.id(), r.name(), r.unitId(), r.status(), status, applying == null ? null : applying.category(),
                    applying == null ? null : Money.yuan(applying.monthlyFen()), Money.yuan(r.paidDue() == null ? 0L : r.paidDue()), Money.yuan(r.extra() == null ? 0L : r.extra()), r.receiptNo(), r.paidOn(),
                    r.account() == null ? null : r.account().paidThrough()));
        }
        return lines;
    }

    public long countRoster(String path) {
        return db.count("select count(*) from member m where m.path >= ? and m.path < ? and " + PARTY_MEMBER, path, Paths.upperBound(path));
    }

    // ---- remittance ----

    public DuesViews.Remittance remittance(OrgUnit unit, String half) {
        YearMonth first = firstMonth(half);
        long received = receivedIn(unit, half);
        return dues.remittance(unit.id(), half).map(r -> new DuesViews.Remittance(unit.id(), half, first.atDay(1), first.plusMonths(5).atEndOfMonth(),
                Money.yuan(received), Money.yuan(r.amountFen()), r.remittedOn(), r.toOrganization(), r.note(), r.recordedBy(),
                Money.yuan(received - r.amountFen())))
                .orElseGet(() -> new DuesViews.Remittance(unit.id(), half, first.atDay(1), first.plusMonths(5).atEndOfMonth(),
                        Money.yuan(received), null, null, null, null, null, Money.yuan(received)));
    }

    public long receivedIn(OrgUnit unit, String half) {
        YearMonth first = firstMonth(half);
        return db.count("select coalesce(sum(received_fen), 0) from dues_rollup where unit_key = ? and month >= ? and month <= ?", unit.key(),
                Date.valueOf(first.atDay(1)), Date.valueOf(first.plusMonths(5).atDay(1)));
    }

    /** {@code 2026-H1} → 2026-01, {@code 2026-H2} → 2026-07. */
    public static YearMonth firstMonth(String half) {
        return YearMonth.of(Integer.parseInt(half.substring(0, 4)), half.endsWith("H1") ? 1 : 7);
    }
}
