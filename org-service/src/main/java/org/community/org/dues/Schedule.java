package org.community.org.dues;

import java.time.YearMonth;
import java.util.List;

/**
 * What a member owes month by month, as changes: liable from the first month with its amount, the amount's steps
 * where a later base applies, no longer liable after {@code closedAfter}. Only months from {@code from} on are
 * counted: the part of the liability that sits with one unit.
 */
public final class Schedule {

    private Schedule() {
    }

    /** The member's contribution to the liable and due counters of the unit holding months {@code from..closedAfter}. */
    public static MonthFigures of(List<Base> currentBases, YearMonth from, YearMonth closedAfter) {
        MonthFigures figures = new MonthFigures();
        if (from == null || currentBases.isEmpty() || (closedAfter != null && closedAfter.isBefore(from))) {
            return figures;
        }
        YearMonth start = currentBases.stream().map(Base::validFrom).min(YearMonth::compareTo).orElseThrow();
        YearMonth first = from.isBefore(start) ? start : from;
        if (closedAfter != null && closedAfter.isBefore(first)) {
            return figures;
        }
        figures.add(first, MonthFigures.Column.LIABLE_DELTA, 1);
        figures.add(first, MonthFigures.Column.DUE_DELTA_FEN, amount(currentBases, first));
        for (Base base : currentBases) {
            YearMonth month = base.validFrom();
            if (month.isAfter(first) && (closedAfter == null || !month.isAfter(closedAfter))) {
                figures.add(month, MonthFigures.Column.DUE_DELTA_FEN, amount(currentBases, month) - amount(currentBases, month.minusMonths(1)));
            }
        }
        if (closedAfter != null) {
            YearMonth end = closedAfter.plusMonths(1);
            figures.add(end, MonthFigures.Column.LIABLE_DELTA, -1);
            figures.add(end, MonthFigures.Column.DUE_DELTA_FEN, -amount(currentBases, closedAfter));
        }
        return figures;
    }

    /** The monthly amount in fen for a month: the current base with the latest start not after it (0 before the first). */
    public static long amount(List<Base> currentBases, YearMonth month) {
        Base base = applying(currentBases, month);
        return base == null ? 0 : base.monthlyFen();
    }

    /** The current base that applies in a month, if any. */
    public static Base applying(List<Base> currentBases, YearMonth month) {
        Base applying = null;
        for (Base base : currentBases) {
            if (!base.validFrom().isAfter(month) && (applying == null || base.validFrom().isAfter(applying.validFrom()))) {
                applying = base;
            }
        }
        return applying;
    }
}
