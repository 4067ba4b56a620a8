package org.community.volunteer.volunteer;

import static io.restassured.RestAssured.given;
import static org.community.volunteer.Fixtures.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.community.volunteer.FakeOrgService;
import org.community.conventions.testing.Tokens;
import org.community.volunteer.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
class VolunteerTeamTest {

    @BeforeEach
    void token() {
        Tokens.useCityAdminByDefault();
    }

    @Test
    void registrationMasksPersonalDataAndSnapshotsTheUnit() {
        String phone = Fixtures.phone();
        String idNumber = Fixtures.idNumber();
        String id = post("/api/v1/volunteers", "{\"name\":\"李娜\",\"phone\":\"" + phone + "\",\"idNumber\":\"" + idNumber
                + "\",\"skills\":[\"ELDER_CARE\",\"FIRST_AID\"],\"orgUnitId\":\"" + FakeOrgService.BUILDING_A + "\"}")
                .then().statusCode(201)
                .header("ETag", equalTo("\"1\""))
                // CITY_ADMIN sees personal data in full
                .body("phone", equalTo(phone)).body("idNumber", equalTo(idNumber))
                .body("orgUnitName", equalTo("文康苑 3 栋"))
                .body("verificationStatus", equalTo("UNVERIFIED"))
                .body("starLevel", equalTo(0))
                .extract().path("id");
        // a grid worker of the community sees the phone but not the ID number; a team leader of the other community nothing
        given().auth().oauth2(Tokens.token("grid-a", "GRID_WORKER", FakeOrgService.COMMUNITY_A)).get("/api/v1/volunteers/" + id).then()
                .statusCode(200).body("phone", equalTo(phone))
                .body("idNumber", equalTo(idNumber.substring(0, 3) + "***********" + idNumber.substring(14)));
        given().auth().oauth2(Tokens.token("leader-b", "TEAM_LEADER", FakeOrgService.COMMUNITY_B)).get("/api/v1/volunteers/" + id).then()
                .statusCode(404);
        // found by the community's subtree (the building lies under it), not by the other community's
        given().queryParam("orgUnitId", FakeOrgService.COMMUNITY_A).queryParam("q", "李娜").queryParam("size", 200)
                .get("/api/v1/volunteers").then().statusCode(200).body("items.id", hasItem(id));
        given().queryParam("orgUnitId", FakeOrgService.COMMUNITY_B).queryParam("size", 200)
                .get("/api/v1/volunteers").then().statusCode(200).body("items.id", not(hasItem(id)));

        // same phone again: 409 naming the field, masked in the message
        post("/api/v1/volunteers", "{\"name\":\"张三\",\"phone\":\"" + phone + "\"}").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("phone"));
        // bad check character
        String bad = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? "2" : "1");
        post("/api/v1/volunteers", "{\"name\":\"张三\",\"phone\":\"" + Fixtures.phone() + "\",\"idNumber\":\"" + bad + "\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("idNumber"));
        // several bad fields at once, in English
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body("{\"name\":\"\",\"phone\":\"123\"}")
                .post("/api/v1/volunteers").then().statusCode(400).body("errors.field", hasItem("name")).body("errors.field", hasItem("phone"))
                .body("title", equalTo("Invalid request"));
    }

    @Test
    void realNameVerificationAndUpdateWithIfMatch() {
        String id = Fixtures.volunteer("王芳", FakeOrgService.COMMUNITY_A);
        post("/api/v1/volunteers/" + id + "/verification", "{\"status\":\"VERIFIED\",\"note\":\"已核验\"}").then().statusCode(200)
                .body("verificationStatus", equalTo("VERIFIED")).header("ETag", equalTo("\"2\""));
        String body = "{\"name\":\"王芳\",\"phone\":\"" + Fixtures.phone() + "\",\"skills\":[\"COOKING\"],\"orgUnitId\":\""
                + FakeOrgService.COMMUNITY_A + "\"}";
        given().contentType(ContentType.JSON).body(body).put("/api/v1/volunteers/" + id).then().statusCode(428);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(body).put("/api/v1/volunteers/" + id).then().statusCode(412);
        // dropping the ID number changes the identity: verification starts again
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(body).put("/api/v1/volunteers/" + id).then().statusCode(200)
                .body("skills", hasItem("COOKING")).body("verificationStatus", equalTo("UNVERIFIED")).body("idNumber", nullValue());
    }

    @Test
    void unknownOrgUnitIsA422QuotingOrgService() {
        UUID unknown = UUID.randomUUID();
        String leader = Fixtures.volunteer("赵强", FakeOrgService.COMMUNITY_A);
        post("/api/v1/teams", "{\"name\":\"无名队\",\"orgUnitId\":\"" + unknown + "\",\"category\":\"SAFETY\",\"leaderId\":\"" + leader + "\"}")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("orgUnitId"))
                .body("errors[0].message", containsString("组织 " + unknown + " 不存在"))
                .body("detail", containsString("org-service"));
        post("/api/v1/teams", "{\"name\":\"撤销队\",\"orgUnitId\":\"" + FakeOrgService.DISSOLVED + "\",\"category\":\"SAFETY\",\"leaderId\":\""
                + leader + "\"}").then().statusCode(422).body("errors[0].field", equalTo("orgUnitId"));
        given().queryParam("size", 200).queryParam("q", "无名队").get("/api/v1/teams").then().body("total", equalTo(0));
    }

    @Test
    void teamLeaderMustBelongToTheTeamsCommunity() {
        String leaderA = Fixtures.volunteer("钱进", FakeOrgService.GRID_A);
        String unplaced = Fixtures.volunteer("孙悟", null);
        post("/api/v1/teams", "{\"name\":\"跨社区队\",\"orgUnitId\":\"" + FakeOrgService.COMMUNITY_B + "\",\"category\":\"SAFETY\",\"leaderId\":\""
                + leaderA + "\"}").then().statusCode(422).body("errors[0].field", equalTo("orgUnitId"))
                .body("errors[0].message", containsString("江欣苑社区"));
        post("/api/v1/teams", "{\"name\":\"无社区队长\",\"orgUnitId\":\"" + FakeOrgService.COMMUNITY_A + "\",\"category\":\"SAFETY\",\"leaderId\":\""
                + unplaced + "\"}").then().statusCode(422).body("errors[0].field", equalTo("leaderId"));
        // a team in a building of the leader's community is fine
        String deputy = Fixtures.volunteer("周到", FakeOrgService.COMMUNITY_A);
        String id = post("/api/v1/teams", "{\"name\":\"楼栋先锋队\",\"orgUnitId\":\"" + FakeOrgService.BUILDING_A + "\",\"category\":\"SAFETY\","
                + "\"leaderId\":\"" + leaderA + "\",\"deputyIds\":[\"" + deputy + "\"]}").then().statusCode(201)
                .body("orgUnitName", equalTo("文康苑 3 栋")).body("deputyIds", hasItem(deputy)).body("memberCount", equalTo(2))
                .extract().path("id");
        String member = Fixtures.volunteer("吴用", FakeOrgService.COMMUNITY_A);
        post("/api/v1/teams/" + id + "/members", "{\"volunteerId\":\"" + member + "\"}").then().statusCode(201).body("role", equalTo("MEMBER"));
        post("/api/v1/teams/" + id + "/members", "{\"volunteerId\":\"" + member + "\"}").then().statusCode(409);
        given().get("/api/v1/teams/" + id + "/members").then().statusCode(200).body("total", equalTo(3))
                .body("items[0].role", equalTo("LEADER")).body("items[1].role", equalTo("DEPUTY"));
        given().get("/api/v1/volunteers/" + member + "/teams").then().statusCode(200).body("teamName", hasItem("楼栋先锋队"));
        given().delete("/api/v1/teams/" + id + "/members/" + leaderA).then().statusCode(409);
        given().delete("/api/v1/teams/" + id + "/members/" + member).then().statusCode(204);
        given().queryParam("orgUnitId", FakeOrgService.COMMUNITY_A).queryParam("size", 200).get("/api/v1/teams").then()
                .body("items.id", hasItem(id));
    }

    @Test
    void orgServiceDownFailsWritesFastAndKeepsReads() {
        String leader = Fixtures.volunteer("郑和", FakeOrgService.COMMUNITY_A);
        String team = Fixtures.team("读服务队", FakeOrgService.COMMUNITY_A, leader, "SAFETY");
        FakeOrgService.down();
        try {
            long started = System.nanoTime();
            post("/api/v1/teams", "{\"name\":\"宕机队\",\"orgUnitId\":\"" + FakeOrgService.GRID_A + "\",\"category\":\"SAFETY\",\"leaderId\":\""
                    + leader + "\"}").then().statusCode(503).contentType("application/problem+json")
                    .body("detail", containsString("org-service"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            org.junit.jupiter.api.Assertions.assertTrue(millis < 3000, "503 took " + millis + " ms");
            // reads keep working, including subtree filters on units known here
            given().get("/api/v1/teams/" + team).then().statusCode(200);
            given().queryParam("orgUnitId", FakeOrgService.COMMUNITY_A).queryParam("size", 1).get("/api/v1/teams").then().statusCode(200);
            given().queryParam("orgUnitId", FakeOrgService.COMMUNITY_A).get("/api/v1/teams/stats").then().statusCode(200);
            given().queryParam("orgUnitId", FakeOrgService.COMMUNITY_A).get("/api/v1/volunteers/leaderboard").then().statusCode(200);
            // writes that need no org unit still work
            Fixtures.volunteer("不需组织", null);
        } finally {
            FakeOrgService.up();
        }
        given().queryParam("q", "宕机队").get("/api/v1/teams").then().body("items", hasSize(0));
        given().get("/q/health/ready").then().statusCode(200);
        org.hamcrest.MatcherAssert.assertThat(0, lessThan(1));
    }
}
