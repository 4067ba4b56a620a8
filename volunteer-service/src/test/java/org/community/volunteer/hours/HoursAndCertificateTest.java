package org.community.volunteer.hours;

import static io.restassured.RestAssured.given;
import static org.community.volunteer.Fixtures.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.community.volunteer.FakeOrgService;
import org.community.conventions.testing.Tokens;
import org.community.volunteer.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
class HoursAndCertificateTest {

    @BeforeEach
    void token() {
        Tokens.useCityAdminByDefault();
    }

    /**
     * Five past shifts, recorded by the leader and verified with adjusted minutes: hours, star level, the
     * community's stats and leaderboard, and a certificate whose PDF lists them.
     */
    @Test
    void verifiedHoursMakeStarsStatsLeaderboardAndACertificate() throws Exception {
        UUID community = FakeOrgService.newCommunity("康城社区");
        String leader = Fixtures.volunteer("康队长", community);
        String team = Fixtures.team("康城志愿服务队", community, leader, "ELDER_CARE");
        String volunteer = Fixtures.volunteer("刘星", community, "ELDER_CARE");
        String other = Fixtures.volunteer("陈晨", community);
        given().queryParam("orgUnitId", community).get("/api/v1/teams/stats").then().statusCode(200)
                .body("teams", equalTo(1)).body("volunteers", equalTo(3)).body("verifiedHoursThisYear", equalTo(0.0f));

        // sign up while the shifts are upcoming, then the leader moves them to the past days they happened on
        OffsetDateTime base = Fixtures.now().withHour(9).withMinute(0).withSecond(0);
        List<String> activities = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            OffsetDateTime future = base.plusDays(10 + i);
            String activity = Fixtures.activity(team, "敬老院值守" + i, future, future.plusHours(2), 5, null);
            Fixtures.signUp(activity, volunteer).then().statusCode(201);
            activities.add(activity);
        }
        Fixtures.signUp(activities.get(0), other).then().statusCode(201);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String activity = activities.get(i);
            OffsetDateTime past = base.minusDays(1 + i);
            String etag = given().get("/api/v1/activities/" + activity).then().extract().header("ETag");
            given().contentType("application/json").header("If-Match", etag).body("{\"teamId\":\"" + team + "\",\"title\":\"敬老院值守" + i
                    + "\",\"category\":\"ELDER_CARE\",\"place\":\"康城敬老院\",\"startsAt\":\"" + past + "\",\"endsAt\":\"" + past.plusHours(2)
                    + "\",\"capacity\":5}").put("/api/v1/activities/" + activity).then().statusCode(200);
            post("/api/v1/activities/" + activity + "/check-ins", "{\"volunteerId\":\"" + volunteer + "\",\"leaderId\":\"" + leader
                    + "\",\"at\":\"" + past.minusMinutes(5) + "\"}").then().statusCode(201);
            records.add(post("/api/v1/activities/" + activity + "/check-outs", "{\"volunteerId\":\"" + volunteer + "\",\"leaderId\":\""
                    + leader + "\",\"at\":\"" + past.plusHours(3) + "\"}").then().statusCode(200)
                    .body("minutes", equalTo(120)).extract().path("id"));
        }
        // submitted but unverified hours do not count
        given().get("/api/v1/volunteers/" + volunteer + "/hours").then().body("verifiedHours", equalTo(0.0f));

        // more than the activity's 120 minutes needs a reason
        post("/api/v1/service-records/" + records.get(0) + "/verify", "{\"leaderId\":\"" + leader + "\",\"minutes\":1300}")
                .then().statusCode(422).body("errors[0].field", equalTo("minutes"));
        // only the team's leaders review
        post("/api/v1/service-records/" + records.get(0) + "/verify", "{\"leaderId\":\"" + other + "\"}").then().statusCode(422)
                .body("errors[0].field", equalTo("leaderId"));
        given().get("/api/v1/service-records/" + records.get(0)).then().body("status", equalTo("SUBMITTED"));
        for (int i = 0; i < 4; i++) {
            post("/api/v1/service-records/" + records.get(i) + "/verify", "{\"leaderId\":\"" + leader
                    + "\",\"minutes\":1440,\"reason\":\"通宵值守,护送老人就医\"}").then().statusCode(200)
                    .body("status", equalTo("VERIFIED")).body("verifiedMinutes", equalTo(1440)).body("adjustReason", containsString("通宵"));
        }
        post("/api/v1/service-records/" + records.get(4) + "/reject", "{\"leaderId\":\"" + leader + "\"}").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        post("/api/v1/service-records/" + records.get(4) + "/reject", "{\"leaderId\":\"" + leader + "\",\"reason\":\"未到岗\"}")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        post("/api/v1/service-records/" + records.get(4) + "/verify", "{\"leaderId\":\"" + leader + "\"}").then().statusCode(409);
        post("/api/v1/service-records/" + records.get(0) + "/verify", "{\"leaderId\":\"" + leader + "\"}").then().statusCode(409);

        // 4 × 24 h = 96 h: no star yet; the next verified record passes 100 h
        given().get("/api/v1/volunteers/" + volunteer + "/hours").then().body("verifiedHours", equalTo(96.0f)).body("starLevel", equalTo(0))
                .body("nextStarAtHours", equalTo(100)).body("hoursToNextStar", equalTo(4.0f));
        OffsetDateTime future = base.plusDays(20);
        String sixth = Fixtures.activity(team, "敬老院值守5", future, future.plusHours(8), 5, null);
        Fixtures.signUp(sixth, volunteer).then().statusCode(201);
        OffsetDateTime past = base.minusDays(8);
        String etag = given().get("/api/v1/activities/" + sixth).then().extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag).body("{\"teamId\":\"" + team + "\",\"title\":\"敬老院值守5\","
                + "\"category\":\"ELDER_CARE\",\"place\":\"康城敬老院\",\"startsAt\":\"" + past + "\",\"endsAt\":\"" + past.plusHours(8)
                + "\",\"capacity\":5}").put("/api/v1/activities/" + sixth).then().statusCode(200);
        post("/api/v1/activities/" + sixth + "/check-ins", "{\"volunteerId\":\"" + volunteer + "\",\"leaderId\":\"" + leader + "\",\"at\":\""
                + past + "\"}").then().statusCode(201);
        String last = post("/api/v1/activities/" + sixth + "/check-outs", "{\"volunteerId\":\"" + volunteer + "\",\"leaderId\":\"" + leader
                + "\",\"at\":\"" + past.plusHours(4).plusMinutes(30) + "\"}").then().statusCode(200).body("minutes", equalTo(270)).extract().path("id");
        post("/api/v1/service-records/" + last + "/verify", "{\"leaderId\":\"" + leader + "\"}").then().statusCode(200)
                .body("verifiedMinutes", equalTo(270));
        given().get("/api/v1/volunteers/" + volunteer + "/hours").then().body("verifiedHours", equalTo(100.5f)).body("starLevel", equalTo(1))
                .body("nextStarAtHours", equalTo(300));
        given().get("/api/v1/volunteers/" + volunteer).then().body("starLevel", equalTo(1)).body("verifiedHours", equalTo(100.5f));

        // stats and leaderboard of the community; this year's hours only count records of this year
        int thisYear = Fixtures.now().getYear();
        float expectedThisYear = 0;
        for (int i = 0; i < 4; i++) {
            if (base.minusDays(1 + i).getYear() == thisYear) {
                expectedThisYear += 24;
            }
        }
        if (past.getYear() == thisYear) {
            expectedThisYear += 4.5f;
        }
        given().queryParam("orgUnitId", community).get("/api/v1/teams/stats").then().statusCode(200)
                .body("teams", equalTo(1)).body("volunteers", equalTo(3))
                .body("verifiedHoursThisYear", equalTo(expectedThisYear)).body("year", equalTo(thisYear));
        given().queryParam("orgUnitId", community).get("/api/v1/volunteers/leaderboard").then().statusCode(200)
                .body("entries", hasSize(1)).body("entries[0].volunteerId", equalTo(volunteer)).body("entries[0].rank", equalTo(1))
                .body("entries[0].verifiedHours", equalTo(100.5f));
        // the street's stats include the community
        given().queryParam("orgUnitId", FakeOrgService.STREET).get("/api/v1/volunteers/stats").then().statusCode(200);

        // certificate: real name first
        post("/api/v1/volunteers/" + volunteer + "/certificates", "{\"teamId\":\"" + team + "\"}").then().statusCode(409);
        post("/api/v1/volunteers/" + volunteer + "/verification", "{\"status\":\"VERIFIED\"}").then().statusCode(200);
        post("/api/v1/volunteers/" + other + "/verification", "{\"status\":\"VERIFIED\"}").then().statusCode(200);
        post("/api/v1/volunteers/" + other + "/certificates", "{\"teamId\":\"" + team + "\"}").then().statusCode(409)
                .body("errors[0].field", equalTo("teamId"));
        var issued = post("/api/v1/volunteers/" + volunteer + "/certificates", "{\"teamId\":\"" + team + "\"}").then().statusCode(201)
                .body("recordCount", equalTo(5)).body("totalHours", equalTo(100.5f)).body("issuer", equalTo("康城社区"))
                .extract();
        String serial = issued.path("serial");
        assertTrue(serial.matches("VSC-\\d{4}-\\d{8}"), serial);
        byte[] pdf = given().get(issued.header("Location")).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains(serial), text);
            assertTrue(text.contains("100.50"), text);
            assertTrue(text.contains("Total verified hours"), text);
            assertEquals(1, document.getNumberOfPages());
            if (text.contains("志愿服务记录证明")) {
                assertTrue(text.contains("刘星") && text.contains("康城社区"), text);
            }
        }
        given().get("/api/v1/volunteers/" + volunteer + "/certificates").then().body("serial", hasSize(1));
        given().get("/api/v1/volunteers/" + volunteer + "/certificates/VSC-1999-00000000").then().statusCode(404);
    }
}
