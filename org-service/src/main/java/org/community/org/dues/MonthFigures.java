package org.community.org.dues;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * Changes to the counters of {@code dues_rollup}, month by month: what one write adds to the units of a chain. Like
 * {@code stats.Counts}, a change is the difference of two contributions.
 */
public final class MonthFigures {

    /** The counter columns, in this order. */
    public enum Column {
        LIABLE_DELTA("liable_delta"), DUE_DELTA_FEN("due_delta_fen"), PAID_MEMBERS("paid_members"), PAID_DUE_FEN("paid_due_fen"),
        PAID_EXTRA_FEN("paid_extra_fen"), RECEIVED_FEN("received_fen");

        public final String column;

        Column(String column) {
            this.column = column;
        }
    }

    private final TreeMap<YearMonth, long[]> months = new TreeMap<>();

    public MonthFigures add(YearMonth month, Column column, long amount) {
        if (amount != 0) {
            months.computeIfAbsent(month, m -> new long[Column.values().length])[column.ordinal()] += amount;
        }
        return this;
    }

    public MonthFigures addAll(MonthFigures other, long sign) {
        other.months.forEach((month, values) -> {
            for (Column column : Column.values()) {
                add(month, column, sign * values[column.ordinal()]);
            }
        });
        return this;
    }

    public MonthFigures minus(MonthFigures other) {
        return new MonthFigures().addAll(this, 1).addAll(other, -1);
    }

    /** The months with a change that is not zero, in order. */
    public Map<YearMonth, long[]> nonZero() {
        Map<YearMonth, long[]> result = new TreeMap<>();
        months.forEach((month, values) -> {
            for (long value : values) {
                if (value != 0) {
                    result.put(month, values.clone());
                    return;
                }
            }
        });
        return result;
    }

    public boolean isZero() {
        return nonZero().isEmpty();
    }
}
