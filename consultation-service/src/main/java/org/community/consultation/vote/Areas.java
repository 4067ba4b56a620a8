package org.community.consultation.vote;

import java.math.BigDecimal;

/** Floor areas travel as decimal m² with at most two decimals and are stored as whole 0.01 m². */
public final class Areas {

    private Areas() {
    }

    /** m² → 0.01 m²; null when the value has more than two decimals or is not positive. */
    public static Long toCenti(BigDecimal squareMetres) {
        if (squareMetres == null || squareMetres.signum() <= 0 || squareMetres.stripTrailingZeros().scale() > 2) {
            return null;
        }
        return squareMetres.movePointRight(2).longValueExact();
    }

    public static BigDecimal toSquareMetres(Long centi) {
        return centi == null ? null : BigDecimal.valueOf(centi, 2);
    }
}
