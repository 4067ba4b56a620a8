package org.community.org.education.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A percentage rule rounds up and never names nobody: the top 10 % of 101 trainees are 11 places, of 5 trainees one. */
class RankingPlacesTest {

    @Test
    void percentOfTheTraineesRoundsUpToAtLeastOnePlace() {
        assertThat(RankingService.places(100, 10)).isEqualTo(10);
        assertThat(RankingService.places(101, 10)).isEqualTo(11);
        assertThat(RankingService.places(5, 10)).isEqualTo(1);
        assertThat(RankingService.places(0, 10)).isEqualTo(1);
        assertThat(RankingService.places(500, 5)).isEqualTo(25);
    }
}
