package org.community.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** 北站's dues as planned from its file: every member with a base and twelve months, a few in arrears, one past six months. */
class DuesSeedsTest {

    @Test
    void beizhansMembersPayTwelveMonthsAFewAreBehindAndOneIsPastSix() {
        Plan beizhan = SeedData.communities(Path.of("data")).stream().map(Plan::new).filter(p -> p.communityName().equals("北站社区"))
                .findFirst().orElseThrow();
        SeedData.Dues spec = beizhan.source.dues();
        assertThat(spec.from()).isEqualTo(YearMonth.of(2025, 12));
        assertThat(spec.months()).isEqualTo(12);
        Map<String, String> ids = new HashMap<>();
        beizhan.members.forEach(m -> ids.put(m.key(), "id-" + m.key()));
        List<DuesSeeds.PlannedDues> planned = DuesSeeds.plan(beizhan, spec, ids);
        YearMonth last = YearMonth.of(2026, 11);
        assertThat(planned).hasSize(368);
        assertThat(planned).allSatisfy(p -> assertThat(p.start()).isEqualTo(spec.from()));
        List<DuesSeeds.PlannedDues> behind = planned.stream().filter(p -> p.lastPaid().isBefore(last)).toList();
        assertThat(behind).hasSizeBetween(10, 20);
        assertThat(behind.stream().filter(p -> p.lastPaid().until(last, java.time.temporal.ChronoUnit.MONTHS) >= 6)).hasSize(1);
        assertThat(planned.stream().map(DuesSeeds.PlannedDues::category).distinct()).contains("SALARIED", "RETIRED");
        assertThat(planned.stream().filter(p -> p.category().equals("SALARIED") || p.category().equals("RETIRED")))
                .allSatisfy(p -> assertThat(p.income()).isNotNull());
        // the same plan on every run
        assertThat(DuesSeeds.plan(beizhan, spec, ids)).isEqualTo(planned);
    }
}
