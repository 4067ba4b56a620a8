package org.community.deploy;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities, enough to compare the ones used here. */
final class Quantity {

    private static final Map<String, Long> BINARY = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40);
    private static final Map<String, Long> DECIMAL = Map.of("k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L);

    private Quantity() {
    }

    /** CPU in millicores: "250m", "1", 2, "1.5". */
    static long cpu(Object quantity) {
        String text = String.valueOf(quantity);
        if (text.endsWith("m")) {
            return Long.parseLong(text.substring(0, text.length() - 1));
        }
        return new BigDecimal(text).movePointRight(3).longValueExact();
    }

    /** Memory in bytes: "768Mi", "1Gi", "500M", 1048576. */
    static long bytes(Object quantity) {
        String text = String.valueOf(quantity);
        for (Map<String, Long> units : java.util.List.of(BINARY, DECIMAL)) {
            for (Map.Entry<String, Long> unit : units.entrySet()) {
                if (text.endsWith(unit.getKey())) {
                    return Long.parseLong(text.substring(0, text.length() - unit.getKey().length())) * unit.getValue();
                }
            }
        }
        return Long.parseLong(text);
    }
}
