package org.community.org.life;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.community.conventions.testing.Problems;
import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OrgLifeTest {

    @Test
    void aMobileMemberIsSeenByOriginAndStationAndMayAttendThere() {
        String street = Api.street("mob");
        String community = Api.unit(Api.unique("C"), "江欣苑社区", "COMMUNITY", "COMMITTEE", street);
        String origin = Api.unit(Api.unique("P"), "第一支部", "COMPOUND", "BRANCH", community);
        // the station is in another city's tree of the same deployment
        String otherStreet = Api.street("mob-sz");
        String station = Api.unit(Api.unique("S"), "南山流动党员服务站", "COMMUNITY", "BRANCH", otherStreet);
        String member = Api.member(origin, "黄磊", "FULL");
        String outflow = given().contentType("application/json")
                .body(Map.of("memberId", member, "destinationCity", "深圳市", "reason", "务工", "contactPhone", "13912345678",
                        "leftOn", LocalDate.now(org.community.conventions.http.Times.ZONE).minusMonths(2).toString()))
                .post("/api/v1/mobile-members").then().statusCode(201).body("contactPhone", equalTo("13912345678"))
                .extract().path("id");
        given().contentType("application/json").body(Map.of("memberId", member, "destinationCity", "广州市", "reason", "务工",
                "leftOn", LocalDate.now(org.community.conventions.http.Times.ZONE).toString())).post("/api/v1/mobile-members").then().statusCode(409);
        assertThat(Api.stats(street).getInt("members.mobile")).isEqualTo(1);
        given().get("/api/v1/members?within=" + community + "&mobile=true").then().body("total", equalTo(1));

        // before registration the station cannot record the member's attendance
        Map<String, Object> meeting = Map.of("unitId", station, "type", "GENERAL_MEETING", "heldOn", LocalDate.now(org.community.conventions.http.Times.ZONE).toString(),
                "topic", "主题党日", "attendance", List.of(Map.of("memberId", member, "presence", "PRESENT")));
        given().contentType("application/json").body(meeting).post("/api/v1/org-life/meetings")
                .then().statusCode(422).body("errors[0].field", equalTo("attendance[0].memberId"));
        given().contentType("application/json")
                .body(Map.of("stationUnitId", station, "registeredOn", LocalDate.now(org.community.conventions.http.Times.ZONE).minusMonths(1).toString()))
                .post("/api/v1/mobile-members/" + outflow + "/registration").then().statusCode(200)
                .body("stationUnitName", equalTo("南山流动党员服务站"));
        // both sides see the member
        given().get("/api/v1/mobile-members?origin=" + community).then().body("total", equalTo(1));
        given().get("/api/v1/mobile-members?station=" + otherStreet).then().body("total", equalTo(1))
                .body("items[0].originUnitName", equalTo("第一支部"));
        given().get("/api/v1/org-life/participants/" + station).then().body("total", equalTo(1))
                .body("items[0].guest", equalTo(true));
        given().get("/api/v1/org-life/participants/" + origin).then().body("total", equalTo(1))
                .body("items[0].guest", equalTo(false));
        String meetingId = given().contentType("application/json").body(meeting).post("/api/v1/org-life/meetings")
                .then().statusCode(201).body("present", equalTo(1)).body("attendance[0].guest", equalTo(true)).extract().path("id");
        given().get("/api/v1/org-life/members/" + member + "/credits?year=" + LocalDate.now(org.community.conventions.http.Times.ZONE).getYear())
                .then().body("sessions", equalTo(1)).body("creditHours", equalTo(2.0f));
        // a body naming its one field twice: which date would count is a guess, so nothing is recorded
        given().contentType("application/json")
                .body("{\"returnedOn\":\"" + LocalDate.now(org.community.conventions.http.Times.ZONE) + "\",\"returnedOn\":\"" + LocalDate.now(org.community.conventions.http.Times.ZONE).minusDays(3) + "\"}")
                .post("/api/v1/mobile-members/" + outflow + "/return").then().spec(Problems.problemNaming(400, "malformed-body", "returnedOn"));
        given().contentType("application/json").body(Map.of("returnedOn", LocalDate.now(org.community.conventions.http.Times.ZONE).toString()))
                .post("/api/v1/mobile-members/" + outflow + "/return").then().statusCode(200).body("active", equalTo(false));
        assertThat(Api.stats(street).getInt("members.mobile")).isZero();
        given().get("/api/v1/org-life/participants/" + station).then().body("total", equalTo(0));
        given().get("/api/v1/org-life/meetings/" + meetingId).then().statusCode(200).body("unitName", equalTo("南山流动党员服务站"));
    }

    @Test
    void meetingsComplianceCreditsGrowthRecordAndRanking() {
        String street = Api.street("life");
        String community = Api.unit(Api.unique("C"), "社区", "COMMUNITY", "COMMITTEE", street);
        String branchA = Api.unit(Api.unique("P"), "甲支部", "COMPOUND", "BRANCH", community);
        String branchB = Api.unit(Api.unique("P"), "乙支部", "COMPOUND", "BRANCH", community);
        String groupA = Api.unit(Api.unique("B"), "甲小组", "BUILDING", "GROUP", branchA);
        String a1 = Api.member(groupA, "成员一", "FULL");
        String a2 = Api.member(branchA, "成员二", "FULL");
        String b1 = Api.member(branchB, "成员三", "FULL");
        LocalDate day = LocalDate.now(org.community.conventions.http.Times.ZONE).withDayOfMonth(1);

        // attendance of a member of another unit, a duplicate, a future date, an unknown type: refused, nothing written
        given().contentType("application/json").body(Map.of("unitId", branchA, "type", "GENERAL_MEETING", "heldOn", day.toString(),
                "topic", "党员大会", "attendance", List.of(Map.of("memberId", a1, "presence", "PRESENT"),
                        Map.of("memberId", b1, "presence", "PRESENT"))))
                .post("/api/v1/org-life/meetings").then().statusCode(422).body("errors[0].field", equalTo("attendance[1].memberId"));
        given().contentType("application/json").body(Map.of("unitId", branchA, "type", "GENERAL_MEETING", "heldOn", day.toString(),
                "topic", "党员大会", "attendance", List.of(Map.of("memberId", a1, "presence", "PRESENT"),
                        Map.of("memberId", a1, "presence", "ABSENT"))))
                .post("/api/v1/org-life/meetings").then().statusCode(400);
        given().contentType("application/json").body(Map.of("unitId", branchA, "type", "GENERAL_MEETING",
                "heldOn", LocalDate.now(org.community.conventions.http.Times.ZONE).plusDays(5).toString(), "topic", "党员大会", "attendance", List.of()))
                .post("/api/v1/org-life/meetings").then().statusCode(400).body("errors[0].field", equalTo("heldOn"));
        given().get("/api/v1/org-life/meetings?within=" + community).then().body("total", equalTo(0));

        // branch A holds its general meeting, committee meeting and lecture; the group its group meeting
        for (String type : List.of("GENERAL_MEETING", "COMMITTEE_MEETING", "PARTY_LECTURE")) {
            given().contentType("application/json").body(Map.of("unitId", branchA, "type", type, "heldOn", day.toString(), "topic", type,
                    "attendance", List.of(Map.of("memberId", a1, "presence", "PRESENT"), Map.of("memberId", a2, "presence", "EXCUSED"))))
                    .post("/api/v1/org-life/meetings").then().statusCode(201);
        }
        given().contentType("application/json").body(Map.of("unitId", groupA, "type", "GROUP_MEETING", "heldOn", day.toString(),
                "topic", "小组学习", "attendance", List.of(Map.of("memberId", a1, "presence", "PRESENT"))))
                .post("/api/v1/org-life/meetings").then().statusCode(201);
        given().contentType("application/json").body(Map.of("unitId", branchB, "type", "GENERAL_MEETING", "heldOn", day.toString(),
                "topic", "党员大会", "attendance", List.of(Map.of("memberId", b1, "presence", "ABSENT"))))
                .post("/api/v1/org-life/meetings").then().statusCode(201);

        given().get("/api/v1/org-life/rules").then().statusCode(200).body("meetingType", hasItem("GROUP_MEETING"));
        JsonPath gaps = given().get("/api/v1/org-life/compliance?within=" + community + "&on=" + day).then().statusCode(200)
                .extract().jsonPath();
        // branch B misses its committee meeting and lecture; the community committee its committee meeting; A and its group are fine
        assertThat(gaps.getList("items.unitId")).doesNotContain(branchA, groupA);
        assertThat(gaps.getInt("total")).isEqualTo(3);
        assertThat(gaps.getList("items.meetingType")).contains("COMMITTEE_MEETING", "PARTY_LECTURE");

        given().get("/api/v1/org-life/members/" + a1 + "/credits?year=" + day.getYear()).then().statusCode(200)
                .body("sessions", equalTo(4)).body("creditHours", equalTo(6.0f));
        given().get("/api/v1/org-life/credits?within=" + community + "&year=" + day.getYear()).then().body("total", equalTo(3));
        JsonPath record = given().get("/api/v1/org-life/members/" + a1 + "/growth-record").then().statusCode(200).extract().jsonPath();
        assertThat(record.getList("sessions")).hasSize(4);
        assertThat(record.getString("member.name")).isEqualTo("成员一");
        assertThat(record.getList("steps.status")).containsExactly("FULL");

        String month = day.toString().substring(0, 7);
        JsonPath ranking = given().get("/api/v1/org-life/ranking?within=" + community + "&month=" + month).then().statusCode(200)
                .extract().jsonPath();
        assertThat(ranking.getInt("total")).isEqualTo(3);
        assertThat(ranking.getString("items[0].unitId")).isEqualTo(groupA); // 1 of 1 present
        assertThat(ranking.getString("items[2].unitId")).isEqualTo(branchB); // nobody present
        given().get("/api/v1/org-life/ranking?within=" + community + "&month=2026-13").then().statusCode(400);
        given().get("/api/v1/org-life/meetings?within=" + branchA).then().body("total", equalTo(4)).body("items.type", not(hasItem("X")));
    }
}
