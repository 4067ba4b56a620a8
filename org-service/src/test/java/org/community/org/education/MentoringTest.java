package org.community.org.education;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

/** 书记工作室: an experienced secretary's studio, pairs across communities, sessions with notes, the mentee's progress. */
@QuarkusTest
class MentoringTest {

    @Test
    void aStudioMentorsNewSecretariesAcrossCommunities() {
        String street = Api.street("studio");
        String c1 = Api.unit(Api.unique("st-c1"), "联勤居民区", "COMMUNITY", "BRANCH", street);
        String c2 = Api.unit(Api.unique("st-c2"), "香花居民区", "COMMUNITY", "BRANCH", street);
        String lead = Api.member(c1, "老书记", "FULL");
        String mentee = Api.member(c2, "新书记", "FULL");
        String outsider = Api.member(Api.unit(Api.unique("st-x"), "外居民区", "COMMUNITY", "BRANCH", Api.street("studio-x")), "外人", "FULL");

        String studio = given().contentType("application/json").body(Map.of("unitId", street, "name", "红帆书记工作室", "leadMemberId", lead,
                "foundedOn", "2016-12-01")).post("/api/v1/education/studios").then().statusCode(201).body("leadName", equalTo("老书记"))
                .extract().path("id");
        given().contentType("application/json").body(Map.of("mentorMemberId", lead, "menteeMemberId", outsider, "startedOn", "2023-03-01",
                "goals", "业委会规范建设")).post("/api/v1/education/studios/" + studio + "/mentorships").then().statusCode(422)
                .body("errors[0].field", equalTo("menteeMemberId"));
        given().contentType("application/json").body(Map.of("mentorMemberId", lead, "menteeMemberId", lead, "startedOn", "2023-03-01",
                "goals", "x")).post("/api/v1/education/studios/" + studio + "/mentorships").then().statusCode(400);
        Map<String, Object> pairBody = Map.of("mentorMemberId", lead, "menteeMemberId", mentee, "startedOn", "2023-03-01",
                "goals", "业委会规范建设;三会一课组织");
        String pair = given().contentType("application/json").body(pairBody).post("/api/v1/education/studios/" + studio + "/mentorships")
                .then().statusCode(201).body("mentee.unitName", equalTo("香花居民区")).body("progress", equalTo(0)).extract().path("id");
        given().contentType("application/json").body(pairBody).post("/api/v1/education/studios/" + studio + "/mentorships").then().statusCode(409);

        given().contentType("application/json").body(Map.of("heldOn", "2023-02-01", "topic", "早于带教", "notes", "x", "hours", 1))
                .post("/api/v1/education/studios/mentorships/" + pair + "/sessions").then().statusCode(422).body("errors[0].field", equalTo("heldOn"));
        given().contentType("application/json").body(Map.of("heldOn", "2023-04-12", "topic", "小区治理难题研讨", "notes", "梳理业委会换届流程",
                "hours", 2, "progress", 30)).post("/api/v1/education/studios/mentorships/" + pair + "/sessions").then().statusCode(201)
                .body("progress", equalTo(30));
        given().contentType("application/json").body(Map.of("heldOn", "2023-06-20", "topic", "三会一课答疑", "notes", "结合实例指导支部会议",
                "hours", 1.5)).post("/api/v1/education/studios/mentorships/" + pair + "/sessions").then().statusCode(201)
                .body("progress", equalTo(30)).body("sessionCount", equalTo(2)).body("hours", equalTo(3.5f));
        given().contentType("application/json").body(Map.of("heldOn", "2023-09-05", "topic", "独立主持议事", "notes", "带教书记旁听点评",
                "hours", 2, "progress", 80)).post("/api/v1/education/studios/mentorships/" + pair + "/sessions").then().statusCode(201)
                .body("progress", equalTo(80)).body("lastSessionOn", equalTo("2023-09-05"));

        given().get("/api/v1/education/studios/mentorships/" + pair).then().statusCode(200).body("sessions", hasSize(3))
                .body("sessions[0].notes", equalTo("梳理业委会换届流程"));
        given().contentType("application/json").body(Map.of("to", "COMPLETED", "on", "2023-12-20", "outcome", "已能独立主持居民区议事"))
                .post("/api/v1/education/studios/mentorships/" + pair + "/transitions").then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().contentType("application/json").body(Map.of("to", "ENDED", "on", "2023-12-21", "outcome", "x"))
                .post("/api/v1/education/studios/mentorships/" + pair + "/transitions").then().statusCode(409);
        given().contentType("application/json").body(Map.of("heldOn", "2024-01-05", "topic", "t", "notes", "n", "hours", 1))
                .post("/api/v1/education/studios/mentorships/" + pair + "/sessions").then().statusCode(409);
        given().get("/api/v1/education/studios/" + studio).then().body("mentorships", equalTo(1)).body("activeMentorships", equalTo(0));
        given().get("/api/v1/education/studios?within=" + street).then().body("total", equalTo(1));
    }
}
