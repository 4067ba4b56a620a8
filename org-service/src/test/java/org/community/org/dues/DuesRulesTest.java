package org.community.org.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.community.conventions.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The table of 中组发〔2008〕3号 at every boundary, in exact fen. */
class DuesRulesTest {

    @ParameterizedTest(name = "{0} {1} → {2}% = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            SALARIED        | 3000.00   | 0.5 | 15.00
            SALARIED        | 3000.01   | 1.0 | 30.00
            SALARIED        | 5000.00   | 1.0 | 50.00
            SALARIED        | 5000.01   | 1.5 | 75.00
            SALARIED        | 10000.00  | 1.5 | 150.00
            SALARIED        | 10000.01  | 2.0 | 200.00
            SALARIED        | 1001.00   | 0.5 | 5.01
            SALARIED        | 0.00      | 0.5 | 0.00
            SALARIED        | 25000.55  | 2.0 | 500.01
            RETIRED         | 5000.00   | 0.5 | 25.00
            RETIRED         | 5000.01   | 1.0 | 50.00
            RETIRED         | 3333.30   | 0.5 | 16.67
            """)
    void incomeBrackets(DuesCategory category, BigDecimal income, BigDecimal percent, BigDecimal monthly) {
        BaseService.Computed computed = BaseService.compute(new BaseFigures(category, income, null, null, null, null));
        assertThat(BigDecimal.valueOf(computed.rateBp(), 2)).isEqualByComparingTo(percent);
        assertThat(Money.yuan(computed.monthlyFen())).isEqualTo(monthly);
        assertThat(computed.incomeFen()).isEqualTo(Money.fen(income));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            STUDENT     | 0.20
            UNEMPLOYED  | 0.20
            RELIEF      | 0.20
            """)
    void fixedAmounts(DuesCategory category, BigDecimal monthly) {
        assertThat(Money.yuan(BaseService.compute(new BaseFigures(category, null, null, null, null, null)).monthlyFen())).isEqualTo(monthly);
    }

    @Test
    void farmersPayWhatTheBranchSetsBetweenTwentyFenAndOneYuan() {
        assertThat(BaseService.compute(new BaseFigures(DuesCategory.FARMER, null, null, new BigDecimal("0.20"), null, null)).monthlyFen()).isEqualTo(20);
        assertThat(BaseService.compute(new BaseFigures(DuesCategory.FARMER, null, null, new BigDecimal("1.00"), null, null)).monthlyFen()).isEqualTo(100);
        for (String wrong : List.of("0.19", "1.01", "0.00")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> BaseService.compute(new BaseFigures(DuesCategory.FARMER, null, null, new BigDecimal(wrong), null, null)))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).violations.get(0).field()).isEqualTo("fixedAmount"));
        }
    }

    @Test
    void withoutFixedIncomeTheBaseIsTheLastQuartersAverage() {
        // (3000 + 3000 + 3000.02) / 3 = 3000.006… → 3000.01 half-up → over 3,000: 1 % → 30.00
        BaseService.Computed computed = BaseService.compute(new BaseFigures(DuesCategory.NO_FIXED_INCOME, null,
                List.of(new BigDecimal("3000.00"), new BigDecimal("3000.00"), new BigDecimal("3000.02")), null, null, null));
        assertThat(computed.incomeFen()).isEqualTo(300_001);
        assertThat(computed.monthlyFen()).isEqualTo(3_000);
        assertThat(DuesRules.quarterAverageFen(1, 1, 0)).isEqualTo(1);
        assertThat(DuesRules.quarterAverageFen(1, 0, 0)).isZero();
    }

    @Test
    void eachCategoryTakesItsOwnFigures() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BaseService.compute(new BaseFigures(DuesCategory.SALARIED, null, null, null, null, null)))
                .satisfies(e -> assertThat(((ProblemException) e).violations.get(0).field()).isEqualTo("income"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> BaseService.compute(new BaseFigures(DuesCategory.STUDENT, new BigDecimal("100"), null, null, null, null)))
                .satisfies(e -> assertThat(((ProblemException) e).violations.get(0).field()).isEqualTo("income"));
    }
}
