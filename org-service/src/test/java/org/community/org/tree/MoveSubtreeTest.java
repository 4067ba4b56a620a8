package org.community.org.tree;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MoveSubtreeTest {

    @Test
    void movingAGridMovesEveryDescendantAndItsFigures() {
        String street = Api.street("move");
        String oldCommunity = Api.unit(Api.unique("OLD"), "北站社区", "COMMUNITY", "COMMITTEE", street);
        String newCommunity = Api.unit(Api.unique("NEW"), "滨湖世纪社区", "COMMUNITY", "COMMITTEE", street);
        String grid = Api.unit(Api.unique("GRID"), "第一网格党总支", "GRID", "GENERAL_BRANCH", oldCommunity);
        List<String> descendants = new ArrayList<>();
        for (int c = 1; c <= 2; c++) {
            String compound = Api.unit(Api.unique("CMP"), "小区" + c, "COMPOUND", "BRANCH", grid);
            descendants.add(compound);
            for (int b = 1; b <= 3; b++) {
                String building = Api.unit(Api.unique("BLD"), b + "栋", "BUILDING", b == 3 ? null : "GROUP", compound);
                descendants.add(building);
                Api.household(building, "1", "101", 2);
            }
        }
        assertThat(Api.stats(oldCommunity).getInt("households")).isEqualTo(6);

        String etag = Api.etag("/api/v1/org-units/" + grid);
        given().contentType("application/json").header("If-Match", etag).body(Map.of("newParentId", newCommunity))
                .post("/api/v1/org-units/" + grid + "/move")
                .then().statusCode(200).body("parentId", equalTo(newCommunity));

        for (String id : descendants) {
            List<String> ancestors = given().get("/api/v1/org-units/" + id + "/ancestors")
                    .then().statusCode(200).extract().jsonPath().getList("id");
            assertThat(ancestors).contains(newCommunity, grid, street).doesNotContain(oldCommunity);
            assertThat(ancestors.indexOf(newCommunity)).isLessThan(ancestors.indexOf(grid));
        }
        var oldStats = Api.stats(oldCommunity);
        assertThat(oldStats.getInt("units.total")).isZero();
        assertThat(oldStats.getInt("households")).isZero();
        var newStats = Api.stats(newCommunity);
        assertThat(newStats.getInt("units.byLevel.GRID")).isEqualTo(1);
        assertThat(newStats.getInt("units.byLevel.BUILDING")).isEqualTo(6);
        assertThat(newStats.getInt("households")).isEqualTo(6);
        assertThat(newStats.getInt("coverage.uncoveredBuildings")).isEqualTo(2);
        assertThat(Api.stats(street).getInt("households")).isEqualTo(6);

        // the households moved with their buildings
        given().get("/api/v1/households?unitId=" + newCommunity).then().body("total", equalTo(6));
        given().get("/api/v1/households?unitId=" + oldCommunity).then().body("total", equalTo(0));
        given().get("/api/v1/org-units/" + newCommunity + "/coverage/uncovered-buildings")
                .then().statusCode(200).body("total", equalTo(2)).body("items.size()", equalTo(2));
    }

    @Test
    void aMoveUnderItsOwnDescendantIsACycle() {
        String street = Api.street("cycle");
        String community = Api.unit(Api.unique("C"), "社区", "COMMUNITY", "COMMITTEE", street);
        String grid = Api.unit(Api.unique("G"), "网格", "GRID", "GENERAL_BRANCH", community);
        String compound = Api.unit(Api.unique("P"), "小区", "COMPOUND", "BRANCH", grid);

        given().contentType("application/json").body(Map.of("newParentId", compound))
                .post("/api/v1/org-units/" + grid + "/move")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("newParentId"));
        given().contentType("application/json").body(Map.of("newParentId", grid))
                .post("/api/v1/org-units/" + grid + "/move")
                .then().statusCode(409);
        // a compound cannot be placed directly under a street
        given().contentType("application/json").body(Map.of("newParentId", street))
                .post("/api/v1/org-units/" + compound + "/move")
                .then().statusCode(422).body("errors[0].field", equalTo("newParentId"));
        // nothing moved
        given().get("/api/v1/org-units/" + compound).then().body("parentId", equalTo(grid));
        assertThat(Api.stats(community).getInt("units.total")).isEqualTo(2);
    }
}
