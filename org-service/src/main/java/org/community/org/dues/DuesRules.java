package org.community.org.dues;

/**
 * The dues table of 中组发〔2008〕3号, in whole fen. The rate applies to the whole base (not progressively), and the
 * monthly amount is rounded half-up to the fen: {@code (base_fen × rate_bp + 5000) / 10000}.
 *
 * <pre>
 * salaried / no fixed income:  base ≤ 3,000.00 → 0.5 %   ≤ 5,000.00 → 1 %   ≤ 10,000.00 → 1.5 %   above → 2 %
 * retired (pension):           base ≤ 5,000.00 → 0.5 %   above → 1 %
 * students, unemployed, relief or minimum allowance: 0.20 yuan;   farmers: 0.20 to 1.00 yuan, set by the branch
 * </pre>
 */
public final class DuesRules {

    public static final long FIXED_FEN = 20;
    public static final long FARMER_MIN_FEN = 20;
    public static final long FARMER_MAX_FEN = 100;

    private DuesRules() {
    }

    /** The rate in basis points (50 = 0.5 %) for an income base in fen. */
    public static int rateBp(DuesCategory category, long baseFen) {
        return switch (category) {
            case SALARIED, NO_FIXED_INCOME -> baseFen <= 300_000 ? 50 : baseFen <= 500_000 ? 100 : baseFen <= 1_000_000 ? 150 : 200;
            case RETIRED -> baseFen <= 500_000 ? 50 : 100;
            default -> throw new IllegalArgumentException(category + " has a fixed amount");
        };
    }

    /** The monthly amount in fen: the rate on the base, half-up to the fen. */
    public static long monthlyFen(long baseFen, int rateBp) {
        return (baseFen * rateBp + 5_000) / 10_000;
    }

    /** The last quarter's average monthly net income, half-up to the fen. */
    public static long quarterAverageFen(long first, long second, long third) {
        return (first + second + third + 1) / 3;
    }
}
