package org.community.org.dues;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.org.tree.Paths;

/**
 * The ledger of receipts and the register of settled months. Receipts are only ever inserted. Deliberate SQL, not
 * entities: a branch's month is hundreds of receipts, thousands of settled months and as many accounts advanced, each
 * written as one JDBC batch, and a table of tens of millions of rows is never read back into a persistence context.
 */
@ApplicationScoped
public class Ledger {

    /** A receipt as stored. Amounts in fen. */
    public record Entry(UUID id, String receiptNo, ReceiptKind kind, UUID reversesId, UUID memberId, UUID unitId, UUID collectedUnitId,
            YearMonth fromMonth, int months, long dueFen, long extraFen, long totalFen, LocalDate paidOn, PaymentMethod method,
            String backPaymentReason, String note, String recordedBy, Instant createdAt) {

        public YearMonth toMonth() {
            return fromMonth.plusMonths(months - 1L);
        }
    }

    /** One settled month of a payment. */
    public record PaidMonth(UUID memberId, YearMonth month, UUID receiptId, long dueFen, long extraFen) {
    }

    private static final String COLUMNS = "id, receipt_no, kind, reverses_id, member_id, unit_id, collected_unit_id, from_month, months,"
            + " due_fen, extra_fen, total_fen, paid_on, method, back_payment_reason, note, recorded_by, created_at";

    @Inject
    Db db;

    /** Receipt numbers: DF, the year, a sequence: DF2026-00000042. */
    public List<String> nextReceiptNumbers(int count, int year) {
        return db.list("select nextval('dues_receipt_seq') from generate_series(1, ?)",
                row -> String.format("DF%d-%08d", year, row.getLong(1)), count);
    }

    /** Inserts receipts and their months in JDBC batches. A month already settled is a unique violation (23505). */
    public void insert(List<Entry> entries, List<PaidMonth> months) {
        db.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("insert into dues_receipt (" + COLUMNS + ") values"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Entry e : entries) {
                    statement.setObject(1, e.id());
                    statement.setString(2, e.receiptNo());
                    statement.setString(3, e.kind().name());
                    statement.setObject(4, e.reversesId());
                    statement.setObject(5, e.memberId());
                    statement.setObject(6, e.unitId());
                    statement.setObject(7, e.collectedUnitId());
                    statement.setDate(8, Date.valueOf(e.fromMonth().atDay(1)));
                    statement.setInt(9, e.months());
                    statement.setLong(10, e.dueFen());
                    statement.setLong(11, e.extraFen());
                    statement.setLong(12, e.totalFen());
                    statement.setDate(13, Date.valueOf(e.paidOn()));
                    statement.setString(14, e.method().name());
                    statement.setString(15, e.backPaymentReason());
                    statement.setString(16, e.note());
                    statement.setString(17, e.recordedBy());
                    statement.setObject(18, e.createdAt().atOffset(ZoneOffset.UTC));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            if (!months.isEmpty()) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "insert into dues_month (member_id, month, receipt_id, due_fen, extra_fen) values (?, ?, ?, ?, ?)")) {
                    for (PaidMonth m : months) {
                        statement.setObject(1, m.memberId());
                        statement.setDate(2, Date.valueOf(m.month().atDay(1)));
                        statement.setObject(3, m.receiptId());
                        statement.setLong(4, m.dueFen());
                        statement.setLong(5, m.extraFen());
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
            return null;
        });
    }

    /**
     * Moves the accounts' first unpaid month, in one batch. A payment locks its accounts as snapshots, a reversal its one
     * account as an entity that it leaves unchanged: Hibernate has nothing of its own to write over these rows.
     */
    public void advance(List<UUID> memberIds, List<YearMonth> nextMonths) {
        db.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "update dues_account set next_month = ?, version = version + 1, updated_at = now() where member_id = ?")) {
                for (int i = 0; i < memberIds.size(); i++) {
                    statement.setDate(1, Date.valueOf(nextMonths.get(i).atDay(1)));
                    statement.setObject(2, memberIds.get(i));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    /** Unsettles the months of a reversed payment; answers the dues of each month removed, in month order. */
    public long[] unsettle(Entry payment) {
        return db.list("delete from dues_month where member_id = ? and month >= ? and month <= ? and receipt_id = ? returning month, due_fen",
                row -> new long[] { row.getDate(1).toLocalDate().toEpochDay(), row.getLong(2) }, payment.memberId(),
                Date.valueOf(payment.fromMonth().atDay(1)), Date.valueOf(payment.toMonth().atDay(1)), payment.id())
                .stream().sorted(java.util.Comparator.comparingLong(m -> m[0])).mapToLong(m -> m[1]).toArray();
    }

    public Optional<Entry> find(UUID id) {
        return db.one("select " + COLUMNS + " from dues_receipt where id = ?", Ledger::map, id);
    }

    public Optional<Entry> lock(UUID id) {
        return db.one("select " + COLUMNS + " from dues_receipt where id = ? for update", Ledger::map, id);
    }

    public boolean reversed(UUID id) {
        return db.count("select count(*) from dues_receipt where reverses_id = ?", id) > 0;
    }

    /** The ledger filters; null does not filter. {@code subtreePath}: receipts of members of the subtree or handed in there. */
    public record Filter(String subtreePath, UUID memberId, LocalDate from, LocalDate to) {
    }

    public List<DuesViews.Receipt> list(Filter filter, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list("select r.*, m.name member_name from dues_receipt r join member m on m.id = r.member_id " + where
                + " order by r.created_at desc, r.receipt_no desc limit ? offset ?", row -> view(map(row), row.getString("member_name")), args.toArray());
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) from dues_receipt r " + where(filter, args), args.toArray());
    }

    private static String where(Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder("where true");
        if (filter.subtreePath() != null) {
            where.append(" and (r.unit_id in (select id from org_unit where path >= ? and path < ?)"
                    + " or r.collected_unit_id in (select id from org_unit where path >= ? and path < ?))");
            String upper = Paths.upperBound(filter.subtreePath());
            args.addAll(List.of(filter.subtreePath(), upper, filter.subtreePath(), upper));
        }
        if (filter.memberId() != null) {
            where.append(" and r.member_id = ?");
            args.add(filter.memberId());
        }
        if (filter.from() != null) {
            where.append(" and r.paid_on >= ?");
            args.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" and r.paid_on <= ?");
            args.add(filter.to());
        }
        return where.toString();
    }

    static Entry map(ResultSet row) throws SQLException {
        return new Entry(Db.uuid(row, "id"), row.getString("receipt_no"), Db.enumValue(row, "kind", ReceiptKind.class), Db.uuid(row, "reverses_id"),
                Db.uuid(row, "member_id"), Db.uuid(row, "unit_id"), Db.uuid(row, "collected_unit_id"),
                DuesCalendar.month(Db.date(row, "from_month")), row.getInt("months"), row.getLong("due_fen"), row.getLong("extra_fen"),
                row.getLong("total_fen"), Db.date(row, "paid_on"), Db.enumValue(row, "method", PaymentMethod.class),
                row.getString("back_payment_reason"), row.getString("note"), row.getString("recorded_by"), Db.instant(row, "created_at"));
    }

    public static DuesViews.Receipt view(Entry e, String memberName) {
        return new DuesViews.Receipt(e.id(), e.receiptNo(), e.kind(), e.reversesId(), e.memberId(), memberName, e.unitId(), e.collectedUnitId(),
                e.fromMonth(), e.months(), e.toMonth(), Money.yuan(e.dueFen()), Money.yuan(e.extraFen()), Money.yuan(e.totalFen()), e.paidOn(),
                e.method(), e.backPaymentReason(), e.note(), e.recordedBy(), Times.local(e.createdAt()));
    }
}
