package org.community.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The missing volunteers go to volunteer-service's bulk registration in batches that each span few units. */
class VolunteerSeedsTest {

    private static List<Plan.PlannedVolunteer> binhu() {
        return SeedData.communities(Path.of("data")).stream().map(Plan::new).filter(p -> p.communityCode().equals("BHSJ")).findFirst()
                .orElseThrow().volunteers;
    }

    @Test
    void batchesOfAtMost500GroupedByUnitCoverEveryVolunteerOnce() {
        List<Plan.PlannedVolunteer> volunteers = binhu();
        List<List<Plan.PlannedVolunteer>> batches = VolunteerSeeds.batches(volunteers);
        assertThat(batches).hasSize(30).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, VolunteerSeeds.BATCH));
        Set<Integer> seen = new HashSet<>();
        batches.forEach(batch -> batch.forEach(v -> assertThat(seen.add(v.index())).as("volunteer #%d once", v.index()).isTrue()));
        assertThat(seen).hasSize(volunteers.size());
        // 15,000 over 96 buildings: about 156 a building, so a batch of 500 touches 4 or 5 units, not all 96
        assertThat(batches).allSatisfy(batch -> assertThat(batch.stream().map(Plan.PlannedVolunteer::unitCode).distinct().count())
                .isLessThanOrEqualTo(5));
        // the demo accounts travel with their volunteers
        assertThat(batches.stream().flatMap(List::stream).filter(v -> v.account() != null).map(Plan.PlannedVolunteer::account))
                .containsExactlyInAnyOrder("volunteer", "team-leader");
    }

    @Test
    void theSameMissingVolunteersMakeTheSameBatches() {
        List<Plan.PlannedVolunteer> volunteers = binhu();
        List<Plan.PlannedVolunteer> reversed = new java.util.ArrayList<>(volunteers);
        java.util.Collections.reverse(reversed);
        // the Idempotency-Key of a batch is derived from its content: the order the missing ones were found in must not matter
        assertThat(VolunteerSeeds.batches(reversed)).isEqualTo(VolunteerSeeds.batches(volunteers));
        assertThat(VolunteerSeeds.batches(List.of())).isEmpty();
    }
}
