package org.community.volunteer;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Builds test data through the HTTP API, the way a client would. */
public final class Fixtures {

    private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Fixtures() {
    }

    public static String phone() {
        return "139" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000L);
    }

    /**
     * A valid resident ID number (correct check character), unique per call: eleven digits from the counter, so that a
     * test run's thousands of registrations (bulk ones included) never meet an earlier number.
     */
    public static String idNumber() {
        String first17 = "420102" + String.format("%011d", PHONES.incrementAndGet() % 100_000_000_000L);
        return first17 + org.community.volunteer.volunteer.IdNumbers.checkChar(first17);
    }

    public static Response post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).post(path);
    }

    public static String volunteer(String name, UUID orgUnitId, String... skills) {
        String skillJson = skills.length == 0 ? "[]" : "[\"" + String.join("\",\"", skills) + "\"]";
        return post("/api/v1/volunteers", "{\"name\":\"" + name + "\",\"phone\":\"" + phone() + "\",\"idNumber\":\"" + idNumber()
                + "\",\"skills\":" + skillJson + (orgUnitId == null ? "" : ",\"orgUnitId\":\"" + orgUnitId + "\"") + "}")
                .then().statusCode(201).extract().path("id");
    }

    public static String team(String name, UUID orgUnitId, String leaderId, String category) {
        return post("/api/v1/teams", "{\"name\":\"" + name + "\",\"orgUnitId\":\"" + orgUnitId + "\",\"category\":\"" + category
                + "\",\"leaderId\":\"" + leaderId + "\"}").then().statusCode(201).extract().path("id");
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
    }

    public static String activity(String teamId, String title, OffsetDateTime start, OffsetDateTime end, int capacity, String extra) {
        return post("/api/v1/activities", "{\"teamId\":\"" + teamId + "\",\"title\":\"" + title + "\",\"category\":\"ELDER_CARE\","
                + "\"place\":\"社区活动中心\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end + "\",\"capacity\":" + capacity
                + (extra == null ? "" : "," + extra) + "}").then().statusCode(201).extract().path("id");
    }

    public static Response signUp(String activityId, String volunteerId) {
        return post("/api/v1/activities/" + activityId + "/signups", "{\"volunteerId\":\"" + volunteerId + "\"}");
    }

    public static String code(String activityId) {
        return given().get("/api/v1/activities/" + activityId + "/check-in-code").then().statusCode(200).extract().path("code");
    }
}
