package org.community.org.dues;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a member's monthly dues are set (中组发〔2008〕3号). */
@Schema(description = "SALARIED 在职 (rate on the after-tax regular monthly income), RETIRED 离退休 (rate on the pension), "
        + "NO_FIXED_INCOME 无固定工资收入 (rate on the last quarter's average monthly net income), STUDENT 学生, UNEMPLOYED 下岗失业, "
        + "RELIEF 依靠救济或低保 (0.20 yuan a month each), FARMER 农民 (0.20 to 1.00 yuan a month, as the branch sets)")
public enum DuesCategory {
    SALARIED, RETIRED, NO_FIXED_INCOME, STUDENT, UNEMPLOYED, RELIEF, FARMER;

    /** The amount follows from an income base and a rate. */
    public boolean byIncome() {
        return this == SALARIED || this == RETIRED || this == NO_FIXED_INCOME;
    }
}
