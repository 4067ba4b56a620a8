package org.community.org.household;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.community.conventions.testing.Problems;
import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CentralHouseholdTest {

    @Test
    void aCentralHouseholdServesItsNeighboursUntilRevoked() {
        String street = Api.street("central");
        String community = Api.unit(Api.unique("C"), "文昌花园社区", "COMMUNITY", "COMMITTEE", street);
        String building = Api.unit(Api.unique("B"), "1栋", "BUILDING", "GROUP", community);
        String central = Api.household(building, "1", "101", 3);
        String neighbour = Api.household(building, "1", "102", 2);
        String other = Api.household(building, "2", "101", 4);

        // CITY_ADMIN sees the phone; the masking by role is in security.AuthorizationMatrixTest
        given().get("/api/v1/households/" + central).then().statusCode(200).body("phone", equalTo("13812345678"));
        assertThat(Api.stats(community).getInt("coverage.unservedHouseholds")).isEqualTo(3);

        Api.designate(central);
        given().contentType("application/json").body(Map.of("plaqueDate", "2023-03-15"))
                .post("/api/v1/households/" + central + "/central").then().statusCode(409);
        Api.link(central, neighbour);
        Api.link(central, neighbour); // linking again changes nothing
        given().get("/api/v1/households/" + central)
                .then().body("central.plaqueDate", equalTo("2023-03-15")).body("servedCount", equalTo(1));
        var stats = Api.stats(community);
        assertThat(stats.getInt("centralHouseholds")).isEqualTo(1);
        assertThat(stats.getInt("servedHouseholds")).isEqualTo(2);
        assertThat(stats.getInt("coverage.unservedHouseholds")).isEqualTo(1);
        given().get("/api/v1/org-units/" + community + "/coverage/unserved-households")
                .then().body("total", equalTo(1)).body("items[0].id", equalTo(other));

        // a central household serving others cannot be removed; revoking releases its neighbours
        given().delete("/api/v1/households/" + central).then().statusCode(409);
        given().delete("/api/v1/households/" + central + "/central?reason=搬离").then().statusCode(200);
        given().get("/api/v1/households/" + neighbour).then().body("servedBy", equalTo(null));
        assertThat(Api.stats(community).getInt("coverage.unservedHouseholds")).isEqualTo(3);
        given().get("/api/v1/households/" + central + "/central/history")
                .then().body("size()", equalTo(1)).body("[0].revokeReason", equalTo("搬离"));
        given().delete("/api/v1/households/" + central).then().statusCode(204);
        assertThat(Api.stats(community).getInt("households")).isEqualTo(2);
    }

    @Test
    void aNulCharacterInTheHeadOfHouseholdIs400NamingTheField() {
        String street = Api.street("nul");
        String community = Api.unit(Api.unique("C"), "社区丙", "COMMUNITY", "COMMITTEE", street);
        String building = Api.unit(Api.unique("B"), "3栋", "BUILDING", "GROUP", community);
        // PostgreSQL cannot store U+0000: refused when the body is read, before anything is written
        given().contentType("application/json")
                .body("{\"buildingUnitId\":\"" + building + "\",\"room\":\"301\",\"residentsCount\":2,\"headName\":\"王\\u0000芳\"}")
                .post("/api/v1/households").then().spec(Problems.problemNaming(400, "malformed-body", "headName"));
        assertThat(Api.stats(community).getInt("households")).isZero();
    }

    @Test
    void servingRulesAreEnforced() {
        String street = Api.street("rules");
        String community = Api.unit(Api.unique("C"), "社区甲", "COMMUNITY", "COMMITTEE", street);
        String otherCommunity = Api.unit(Api.unique("C"), "社区乙", "COMMUNITY", "COMMITTEE", street);
        String building = Api.unit(Api.unique("B"), "1栋", "BUILDING", "GROUP", community);
        String farBuilding = Api.unit(Api.unique("B"), "9栋", "BUILDING", "GROUP", otherCommunity);
        String first = Api.household(building, "", "101", 1);
        String second = Api.household(building, "", "102", 1);
        String plain = Api.household(building, "", "103", 1);
        String far = Api.household(farBuilding, "", "101", 1);
        Api.designate(first);
        Api.designate(second);

        given().put("/api/v1/households/" + plain + "/served/" + first).then().statusCode(409); // not central
        given().put("/api/v1/households/" + first + "/served/" + second).then().statusCode(409); // serves a central one
        given().put("/api/v1/households/" + first + "/served/" + far).then().statusCode(422)
                .body("errors[0].field", equalTo("servedHouseholdId"));
        Api.link(first, plain);
        given().put("/api/v1/households/" + second + "/served/" + plain).then().statusCode(409); // served by another

        // an address is unique in its building; households belong to buildings only
        given().contentType("application/json")
                .body(Map.of("buildingUnitId", building, "entrance", "", "room", "101", "residentsCount", 2))
                .post("/api/v1/households").then().statusCode(409).body("errors[0].field", equalTo("room"));
        given().contentType("application/json")
                .body(Map.of("buildingUnitId", community, "room", "101", "residentsCount", 2))
                .post("/api/v1/households").then().statusCode(422).body("errors[0].field", equalTo("buildingUnitId"));
        given().contentType("application/json")
                .body(Map.of("buildingUnitId", building, "room", "104", "residentsCount", -1, "phone", "call me"))
                .post("/api/v1/households").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("residentsCount", "phone"));
        assertThat(Api.stats(community).getInt("households")).isEqualTo(3);
    }
}
