package org.community.volunteer.volunteer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Star levels (星级志愿者) by cumulative verified hours: 1 to 5 stars at 100 / 300 / 600 / 1,000 / 1,500 hours. */
public final class Stars {

    static final int[] THRESHOLD_HOURS = { 100, 300, 600, 1000, 1500 };

    private Stars() {
    }

    public static int level(long verifiedMinutes) {
        int level = 0;
        for (int hours : THRESHOLD_HOURS) {
            if (verifiedMinutes >= hours * 60L) {
                level++;
            }
        }
        return level;
    }

    /** Hours needed for the next star, null at five stars. */
    public static Integer nextThresholdHours(long verifiedMinutes) {
        int level = level(verifiedMinutes);
        return level >= THRESHOLD_HOURS.length ? null : THRESHOLD_HOURS[level];
    }

    /** The SQL form of {@link #level}, for bulk recomputation. */
    public static String sql(String minutesExpression) {
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < THRESHOLD_HOURS.length; i++) {
            sql.append(i == 0 ? "" : " + ").append("(case when ").append(minutesExpression).append(" >= ")
                    .append(THRESHOLD_HOURS[i] * 60L).append(" then 1 else 0 end)");
        }
        return sql.append(")").toString();
    }

    public static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
