package org.community.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The data files expand to the figures of the source texts, the same every time. */
class PlanTest {

    private static final Path DATA = Path.of("data");

    private static Map<String, Plan> plans() {
        return SeedData.communities(DATA).stream().map(Plan::new).collect(Collectors.toMap(Plan::communityName, Function.identity()));
    }

    private static long count(Plan plan, String level, String form) {
        return plan.units.stream().filter(u -> level == null || u.level().equals(level)).filter(u -> form == null || form.equals(u.form()))
                .count();
    }

    @Test
    void theCommunitiesCarryTheFiguresOfTheSources() {
        Map<String, Plan> plans = plans();
        assertThat(plans).containsOnlyKeys("江欣苑社区", "北站社区", "滨湖世纪社区", "文昌花园社区", "裕园社区", "康城社区", "草厂社区", "西山社区",
                "北蔡镇");

        Plan jiangxinyuan = plans.get("江欣苑社区");
        assertThat(count(jiangxinyuan, null, "BRANCH")).isEqualTo(8);
        assertThat(count(jiangxinyuan, null, "GROUP")).isEqualTo(88);
        assertThat(jiangxinyuan.centrals).hasSize(177);
        assertThat(jiangxinyuan.centrals.stream().flatMap(c -> c.serves().stream()).map(Plan.PlannedHousehold::key)
                .collect(Collectors.toSet())).as("a household is served by one central household")
                .hasSize((int) jiangxinyuan.centrals.stream().mapToLong(c -> c.serves().size()).sum())
                .doesNotContainAnyElementsOf(jiangxinyuan.centrals.stream().map(c -> c.household().key()).toList());

        Plan beizhan = plans.get("北站社区");
        assertThat(count(beizhan, null, "BRANCH")).isEqualTo(15);
        assertThat(beizhan.members).hasSize(368);
        assertThat(beizhan.members.stream().map(Plan.PlannedMember::key).distinct()).hasSize(368);

        Plan binhu = plans.get("滨湖世纪社区");
        assertThat(count(binhu, "GRID", "GENERAL_BRANCH")).isPositive();
        assertThat(count(binhu, "COMPOUND", "BRANCH")).isPositive();
        assertThat(count(binhu, "BUILDING", "GROUP")).isPositive();
        assertThat(binhu.volunteers).hasSize(15_000);
        assertThat(binhu.teams).hasSize(68);
        assertThat(binhu.teams.stream().map(Plan.PlannedTeam::name).distinct()).hasSize(68);

        // member education (source 004): a pool of 110 teachers and more than 15,000 person-times
        SeedData.ProgramSpec training = binhu.source.education().program();
        assertThat(training.externalTeachers() + training.internalTeachers()).isEqualTo(110);
        long sessions = (long) training.themes().size() * training.coursesPerTheme() + training.practicals().size();
        assertThat(sessions * binhu.members.size() * training.attendance()).isGreaterThan(15_000);
        // 北蔡镇's 红帆书记工作室 (source 001): mentors and mentees are secretaries of its 16 residential areas
        Plan beicai = plans.get("北蔡镇");
        assertThat(count(beicai, "COMMUNITY", "BRANCH")).isEqualTo(16);
        assertThat(beicai.source.education().studio().name()).isEqualTo("红帆书记工作室");
        assertThat(beicai.source.education().studio().mentors() + beicai.source.education().studio().pairs()).isLessThanOrEqualTo(16);

        assertThat(count(plans.get("康城社区"), "BUILDING", null)).isEqualTo(286);
        assertThat(plans.get("西山社区").partnerNames).hasSize(43);

        SeedData.TopicSpec elevator = plans.get("文昌花园社区").source.topics().get(0);
        assertThat(elevator.meetings().count()).isGreaterThan(40);
        assertThat(elevator.resolution().text()).contains("19");
    }

    @Test
    void generatedVolunteersAreDistinctAsVolunteerServiceRequires() {
        List<Plan.PlannedVolunteer> volunteers = plans().get("滨湖世纪社区").volunteers;
        Set<String> phones = new HashSet<>();
        Set<String> masked = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Plan.PlannedVolunteer v : volunteers) {
            assertThat(v.phone()).matches("1[3-9]\\d{9}");
            assertThat(v.idNumber()).matches("\\d{17}[0-9X]");
            phones.add(v.phone());
            masked.add(People.masked(v.phone()));
            ids.add(v.idNumber());
        }
        assertThat(phones).hasSize(volunteers.size());
        assertThat(masked).as("the loader recognises volunteers by their masked phone too").hasSize(volunteers.size());
        assertThat(ids).hasSize(volunteers.size());
        assertThat(volunteers.stream().filter(v -> v.account() != null).map(Plan.PlannedVolunteer::account))
                .containsExactlyInAnyOrder("volunteer", "team-leader");
    }

    @Test
    void theSameFilesGiveTheSameDataEveryTime() {
        Plan first = plans().get("滨湖世纪社区");
        Plan second = plans().get("滨湖世纪社区");
        assertThat(second.volunteers).isEqualTo(first.volunteers);
        assertThat(plans().get("康城社区").households).isEqualTo(plans().get("康城社区").households);
        assertThat(plans().get("北站社区").members).isEqualTo(plans().get("北站社区").members);
    }

    @Test
    void everyDemoAccountIsScopedToAUnitOfTheData() {
        Set<String> codes = new HashSet<>();
        for (Plan plan : plans().values()) {
            plan.regionUnits.forEach(u -> codes.add(u.code()));
            codes.add(plan.communityCode());
            plan.units.forEach(u -> codes.add(u.code()));
        }
        List<SeedData.Account> accounts = SeedData.accounts(DATA);
        assertThat(accounts).extracting(SeedData.Account::username).containsExactlyInAnyOrder("city-admin", "district-admin",
                "street-admin", "secretary", "grid-worker", "team-leader", "volunteer", "resident");
        assertThat(accounts).allSatisfy(a -> assertThat(codes).contains(a.unit()));
    }

    @Test
    void idNumbersHaveAValidCheckDigit() {
        java.util.Random random = new java.util.Random(1);
        String id = People.idNumber(random, java.time.LocalDate.of(1990, 1, 1), false);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        assertThat(id.charAt(17)).isEqualTo("10X98765432".charAt(sum % 11));
    }
}
