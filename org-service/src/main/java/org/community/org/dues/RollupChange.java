package org.community.org.dues;

import java.util.Map;
import java.util.TreeMap;

/** Counter changes of one transaction, per unit key: applied in one statement, in (unit, month) order. */
public final class RollupChange {

    private final TreeMap<Long, MonthFigures> byUnit = new TreeMap<>();

    /** Adds the figures to every unit of a chain (the keys of a path). */
    public RollupChange addChain(long[] unitKeys, MonthFigures figures) {
        for (long key : unitKeys) {
            byUnit.computeIfAbsent(key, k -> new MonthFigures()).addAll(figures, 1);
        }
        return this;
    }

    public Map<Long, MonthFigures> byUnit() {
        return byUnit;
    }
}
