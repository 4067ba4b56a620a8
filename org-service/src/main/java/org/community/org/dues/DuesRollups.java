package org.community.org.dues;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;

/**
 * The {@code dues_rollup} counters: per unit (its subtree, itself included) and month. Every write adds its change to
 * each unit of the chain in one upsert, rows taken in (unit, month) order so that concurrent writers wait for each
 * other instead of deadlocking. Deliberate SQL, not entities: a counter is {@code x = x + ?} in one multi-row upsert
 * (a branch's month of 200 payments adds to every unit of every chain at once), which entities could only do as a read,
 * a lock and a write per row.
 */
@ApplicationScoped
public class DuesRollups {

    private static final String COLUMNS = Arrays.stream(MonthFigures.Column.values()).map(c -> c.column).collect(Collectors.joining(", "));

    @Inject
    Db db;

    /** Adds the change to every unit of a chain (root first, the member's unit last). */
    public void apply(long[] unitKeys, MonthFigures change) {
        apply(new RollupChange().addChain(unitKeys, change));
    }

    /** Adds every unit's change in one upsert, rows in (unit, month) order. */
    public void apply(RollupChange change) {
        List<Object[]> rows = new ArrayList<>();
        change.byUnit().forEach((key, figures) -> figures.nonZero().forEach((month, values) -> {
            Object[] row = new Object[2 + values.length];
            row[0] = key;
            row[1] = Date.valueOf(month.atDay(1));
            for (int i = 0; i < values.length; i++) {
                row[2 + i] = values[i];
            }
            rows.add(row);
        }));
        if (rows.isEmpty()) {
            return;
        }
        String updates = Arrays.stream(MonthFigures.Column.values()).map(c -> c.column + " = dues_rollup." + c.column + " + excluded." + c.column)
                .collect(Collectors.joining(", "));
        db.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("insert into dues_rollup (unit_key, month, " + COLUMNS
                    + ") select * from unnest(?::bigint[], ?::date[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])"
                    + " order by 1, 2 on conflict (unit_key, month) do update set " + updates)) {
                for (int column = 0; column < 8; column++) {
                    final int c = column;
                    Object[] values = rows.stream().map(r -> r[c]).toArray();
                    statement.setArray(column + 1, connection.createArrayOf(column == 1 ? "date" : "bigint", values));
                }
                return statement.executeUpdate();
            }
        });
    }

    /** The stored rows of one unit up to a month, in month order: what the collection reports add up. */
    public List<Row> rows(long unitKey, java.time.YearMonth through) {
        return db.list("select month, " + COLUMNS + " from dues_rollup where unit_key = ? and month <= ? order by month", row -> {
            long[] values = new long[MonthFigures.Column.values().length];
            for (MonthFigures.Column column : MonthFigures.Column.values()) {
                values[column.ordinal()] = row.getLong(column.column);
            }
            return new Row(java.time.YearMonth.from(row.getDate("month").toLocalDate()), values);
        }, unitKey, Date.valueOf(through.atDay(1)));
    }

    /** One stored counter row. */
    public record Row(java.time.YearMonth month, long[] values) {
        public long get(MonthFigures.Column column) {
            return values[column.ordinal()];
        }
    }

    /**
     * A subtree moved: its counters (the root's rows) leave the old ancestors and join the new ones, every month at once.
     * Called by the unit move after the rows of the subtree are rewritten, like the unit_rollup counters.
     */
    public void move(long rootKey, long[] oldAncestors, long[] newAncestors) {
        shift(rootKey, oldAncestors, -1);
        shift(rootKey, newAncestors, 1);
    }

    private void shift(long rootKey, long[] ancestors, int sign) {
        if (ancestors.length == 0) {
            return;
        }
        String values = Arrays.stream(MonthFigures.Column.values()).map(c -> "? * r." + c.column).collect(Collectors.joining(", "));
        String updates = Arrays.stream(MonthFigures.Column.values()).map(c -> c.column + " = dues_rollup." + c.column + " + excluded." + c.column)
                .collect(Collectors.joining(", "));
        Object[] args = new Object[MonthFigures.Column.values().length + 2];
        Arrays.fill(args, 0, MonthFigures.Column.values().length, (long) sign);
        args[args.length - 2] = ancestors;
        args[args.length - 1] = rootKey;
        db.update("insert into dues_rollup (unit_key, month, " + COLUMNS + ") select a.key, r.month, " + values
                + " from dues_rollup r cross join unnest(?::bigint[]) a(key) where r.unit_key = ? order by 1, 2"
                + " on conflict (unit_key, month) do update set " + updates, args);
    }
}
