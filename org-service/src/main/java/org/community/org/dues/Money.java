package org.community.org.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan with two decimals at the API, whole fen inside: converted exactly, never through floating point. */
public final class Money {

    private Money() {
    }

    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    public static BigDecimal yuan(Long fen) {
        return fen == null ? null : yuan(fen.longValue());
    }

    /** Exact: callers validate at most two decimals first ({@code @Digits(fraction = 2)}). */
    public static long fen(BigDecimal yuan) {
        return yuan.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }
}
