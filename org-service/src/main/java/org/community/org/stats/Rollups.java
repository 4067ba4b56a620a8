package org.community.org.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;

/**
 * The {@code unit_rollup} counters. Writers lock the rows they change in key order, so two transactions
 * touching overlapping chains wait for each other instead of deadlocking.
 */
@ApplicationScoped
public class Rollups {

    private static final String METRIC_COLUMNS = Arrays.stream(Metric.values()).map(Metric::column)
            .collect(Collectors.joining(", "));

    @Inject
    Db db;

    public void create(long unitKey) {
        db.update("insert into unit_rollup (unit_key) values (?)", unitKey);
    }

    public Counts read(long unitKey) {
        return db.one("select " + METRIC_COLUMNS + " from unit_rollup where unit_key = ?", Rollups::map, unitKey)
                .orElseGet(Counts::zero);
    }

    /** Locks the counters of these units, in key order; call before applying several deltas in one transaction. */
    public void lock(long[] unitKeys) {
        db.list("select unit_key from unit_rollup where unit_key = any(?) order by unit_key for update",
                row -> row.getLong(1), (Object) unitKeys);
    }

    /** Adds {@code delta} to the counters of every unit in {@code unitKeys}. */
    public void apply(long[] unitKeys, Counts delta) {
        if (delta.isZero() || unitKeys.length == 0) {
            return;
        }
        List<String> sets = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (delta.get(metric) != 0) {
                sets.add(metric.column() + " = " + metric.column() + " + ?");
                args.add(delta.get(metric));
            }
        }
        lock(unitKeys);
        args.add(unitKeys);
        db.update("update unit_rollup set " + String.join(", ", sets) + " where unit_key = any(?)", args.toArray());
    }

    static Counts map(java.sql.ResultSet row) throws java.sql.SQLException {
        Counts counts = Counts.zero();
        for (Metric metric : Metric.values()) {
            counts.add(metric, row.getLong(metric.column()));
        }
        return counts;
    }
}
