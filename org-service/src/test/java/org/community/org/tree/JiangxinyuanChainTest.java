package org.community.org.tree;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * 江欣苑社区 (DOMAIN.md §1): community committee → 8 compound branches → 88 building groups → 177 plaqued
 * central households. The figures a secretary quotes come back from /stats.
 */
@QuarkusTest
class JiangxinyuanChainTest {

    @Test
    void statsReportEightBranchesEightyEightGroupsAndOneHundredSeventySevenCentralHouseholds() {
        String street = Api.street("jxy");
        String community = Api.unit(Api.unique("JXY"), "江欣苑社区党委", "COMMUNITY", "COMMITTEE", street);
        List<String> buildings = new ArrayList<>();
        for (int c = 1; c <= 8; c++) {
            String compound = Api.unit(Api.unique("JXY-C" + c), "江欣苑第" + c + "党支部", "COMPOUND", "BRANCH", community);
            for (int b = 1; b <= 11; b++) {
                buildings.add(Api.unit(Api.unique("JXY-C" + c + "-B" + b), b + "栋党小组", "BUILDING", "GROUP", compound));
            }
        }
        assertThat(buildings).hasSize(88);

        int central = 0;
        int households = 0;
        for (int i = 0; i < buildings.size(); i++) {
            String building = buildings.get(i);
            int centralHere = i == 0 ? 3 : 2;
            String firstCentral = null;
            for (int room = 1; room <= 3; room++) {
                String household = Api.household(building, "1", "10" + room, 3);
                households++;
                if (room <= centralHere) {
                    Api.designate(household);
                    central++;
                    firstCentral = firstCentral == null ? household : firstCentral;
                } else {
                    Api.link(firstCentral, household);
                }
            }
        }
        assertThat(central).isEqualTo(177);

        JsonPath stats = Api.stats(community);
        assertThat(stats.getInt("units.byForm.BRANCH")).isEqualTo(8);
        assertThat(stats.getInt("units.byForm.GROUP")).isEqualTo(88);
        assertThat(stats.getInt("units.byLevel.COMPOUND")).isEqualTo(8);
        assertThat(stats.getInt("units.byLevel.BUILDING")).isEqualTo(88);
        assertThat(stats.getInt("units.total")).isEqualTo(96);
        assertThat(stats.getInt("centralHouseholds")).isEqualTo(177);
        assertThat(stats.getInt("households")).isEqualTo(households);
        assertThat(stats.getInt("residents")).isEqualTo(households * 3);
        assertThat(stats.getInt("coverage.unservedHouseholds")).isZero();
        assertThat(stats.getInt("coverage.uncoveredBuildings")).isZero();

        // the same figures roll up to the street, which also counts the community itself
        JsonPath streetStats = Api.stats(street);
        assertThat(streetStats.getInt("units.byLevel.COMMUNITY")).isEqualTo(1);
        assertThat(streetStats.getInt("units.byForm.COMMITTEE")).isEqualTo(1);
        assertThat(streetStats.getInt("centralHouseholds")).isEqualTo(177);

        given().get("/api/v1/org-units/" + community + "/children?size=200")
                .then().statusCode(200)
                .body("total", equalTo(8))
                .body("items[0].childCount", equalTo(11));
        given().get("/api/v1/org-units/" + community + "/subtree?level=BUILDING&size=5")
                .then().statusCode(200)
                .body("total", equalTo(88))
                .body("items.size()", equalTo(5));
        given().get("/api/v1/households?unitId=" + community + "&central=true&size=1")
                .then().statusCode(200).body("total", equalTo(177));
    }
}
