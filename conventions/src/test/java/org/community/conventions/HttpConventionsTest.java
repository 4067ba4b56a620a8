package org.community.conventions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;

import org.community.conventions.http.Times;
import org.community.conventions.testing.DefaultToken;
import org.community.conventions.testing.Problems;
import org.community.conventions.testing.TestClock;
import org.community.conventions.testing.Tokens;
import org.junit.jupiter.api.Test;

/** problem+json, paging, ETag/If-Match, request ids, times and languages, as every service answers them. */
@QuarkusTest
class HttpConventionsTest {

    @Inject
    TestClock clock;

    static String create(String name) {
        return given().contentType("application/json").body("{\"name\":\"" + name + "\",\"kind\":\"TOOL\"}").post("/api/v1/things")
                .then().statusCode(201).extract().path("id");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void validationNamesEachFieldInTheCallersLanguage() {
        given().contentType("application/json").body("{\"name\":\"\"}").post("/api/v1/things")
                .then().spec(Problems.problemNaming(400, "validation", "name"))
                .body("errors.field", hasItem("kind")).body("title", equalTo("请求参数不合法"));
        given().contentType("application/json").header("Accept-Language", "en").body("{\"name\":\"\"}").post("/api/v1/things")
                .then().statusCode(400).body("title", equalTo("Invalid request")).body("detail", equalTo("2 invalid field(s) in the request"));
    }

    @Test
    void theServicesOwnMessagesExtendAndOverrideTheBaseOnes() {
        String missing = UUID.randomUUID().toString();
        given().header("Accept-Language", "en").get("/api/v1/things/" + missing)
                .then().spec(Problems.problem(404, "not-found")).body("detail", equalTo("No thing " + missing))
                .body("title", equalTo("Not found"));
        String name = unique("dup");
        create(name);
        given().contentType("application/json").body("{\"name\":\"" + name + "\",\"kind\":\"TOOL\"}").post("/api/v1/things")
                .then().spec(Problems.problemNaming(409, "conflict", "name"))
                .body("title", equalTo("与当前状态冲突(服务自定义)")).body("detail", equalTo("该名称已被使用"));
    }

    @Test
    void listsArePagedAndBoundedAt200() {
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json").body("{\"name\":\"" + unique("book") + "\",\"kind\":\"BOOK\"}").post("/api/v1/things")
                    .then().statusCode(201);
        }
        given().get("/api/v1/things?kind=BOOK&page=0&size=2").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        given().get("/api/v1/things?size=201").then().spec(Problems.problemNaming(400, "validation", "size"));
        given().get("/api/v1/things?page=-1").then().spec(Problems.problemNaming(400, "validation", "page"));
    }

    @Test
    void anUnknownEnumOrIdInAListFilterIs400NamingTheParameter() {
        given().header("Accept-Language", "en").get("/api/v1/things?kind=zzz")
                .then().spec(Problems.problemNaming(400, "validation", "kind"))
                .body("errors[0].message", equalTo("Value \"zzz\" is not one of: TOOL, BOOK"));
        given().get("/api/v1/things?owner=not-a-uuid").then().spec(Problems.problemNaming(400, "validation", "owner"));
        // a malformed id in the path names no resource
        given().get("/api/v1/things/not-a-uuid").then().spec(Problems.problem(404, "not-found"));
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String id = create(unique("etag"));
        String etag = given().get("/api/v1/things/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/things/" + id).then().statusCode(304);
        given().contentType("application/json").body("{\"name\":\"" + unique("renamed") + "\"}").put("/api/v1/things/" + id)
                .then().spec(Problems.problemNaming(428, "precondition-required", "If-Match"));
        given().contentType("application/json").header("If-Match", etag).body("{\"name\":\"" + unique("renamed") + "\"}")
                .put("/api/v1/things/" + id).then().statusCode(200).body("version", equalTo(2));
        given().contentType("application/json").header("If-Match", etag).body("{\"name\":\"" + unique("again") + "\"}")
                .put("/api/v1/things/" + id).then().spec(Problems.problemNaming(412, "precondition-failed", "If-Match"));
    }

    @Test
    void requestIdsAreEchoedOrMadeAndQuotedInProblems() {
        given().header("X-Request-Id", "req-42").get("/api/v1/things/" + UUID.randomUUID())
                .then().statusCode(404).header("X-Request-Id", "req-42").body("requestId", equalTo("req-42"));
        String made = given().get("/api/v1/things").then().statusCode(200).extract().header("X-Request-Id");
        assertEquals(36, made.length());
    }

    @Test
    void timesCarryTheShanghaiOffsetToTheMillisecond() {
        String id = create(unique("time"));
        String createdAt = given().get("/api/v1/things/" + id).then().extract().path("createdAt");
        OffsetDateTime parsed = OffsetDateTime.parse(createdAt);
        assertEquals("+08:00", parsed.getOffset().getId());
        assertEquals(0, parsed.getNano() % 1_000_000);
    }

    @Test
    void testsSetTheTimeInsteadOfSleeping() {
        LocalDate today = LocalDate.parse(given().get("/api/v1/things/today").then().statusCode(200).extract().asString());
        try {
            clock.advance(Duration.ofDays(3));
            given().get("/api/v1/things/today").then().body(equalTo(today.plusDays(3).toString()));
        } finally {
            clock.reset();
        }
        assertEquals(Times.today(clock), today);
    }

    @Test
    void authenticationFailuresOfEveryKindAre401ProblemJson() {
        given().header("Authorization", DefaultToken.NONE).get("/api/v1/things")
                .then().spec(Problems.problem(401, "unauthorized")).header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer " + Tokens.expired("CITY_ADMIN")).get("/api/v1/things").then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.badSignature("CITY_ADMIN")).get("/api/v1/things").then().statusCode(401);
        given().get("/api/v1/things/auth-completion").then().spec(Problems.problem(401, "unauthorized")).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void aTokenIssuedInTheFutureBeyondTheLeewayIsRefusedWithinItIsAccepted() {
        given().header("Authorization", "Bearer " + Tokens.issuedAhead(Duration.ofDays(1), "CITY_ADMIN")).get("/api/v1/things")
                .then().spec(Problems.problem(401, "unauthorized"));
        given().header("Authorization", "Bearer " + Tokens.issuedAhead(Duration.ofSeconds(40), "CITY_ADMIN")).get("/api/v1/things")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + Tokens.issuedAhead(Duration.ofSeconds(10), "CITY_ADMIN")).get("/api/v1/things")
                .then().statusCode(200);
    }

    @Test
    void aTokenThatExpiredWithinTheLeewayIsAcceptedBeyondItRefused() {
        given().header("Authorization", "Bearer " + Tokens.build("late", java.util.Set.of("CITY_ADMIN"), Tokens.ISSUER, Tokens.AUDIENCE,
                java.time.Instant.now().minusSeconds(10))).get("/api/v1/things").then().statusCode(200);
        given().header("Authorization", "Bearer " + Tokens.build("late", java.util.Set.of("CITY_ADMIN"), Tokens.ISSUER, Tokens.AUDIENCE,
                java.time.Instant.now().minusSeconds(45))).get("/api/v1/things").then().statusCode(401);
    }

    @Test
    void frameworkErrorsAreProblemsToo() {
        given().get("/api/v1/nothing-here").then().spec(Problems.problem(404, "not-found")).body("detail", containsString("/api/v1/nothing-here"));
        given().delete("/api/v1/things").then().spec(Problems.problem(405, "method-not-allowed"));
        given().contentType("text/csv").body("a,b").post("/api/v1/things").then().spec(Problems.problem(415, "unsupported-media-type"));
        given().post("/api/v1/things/fail").then().spec(Problems.problem(500, "internal")).body("$", org.hamcrest.Matchers.not(hasKey("trace")));
    }

    @Test
    void openApiDocumentsTheCommonProblems() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.Problem.properties", hasKey("requestId"))
                .body("paths.'/api/v1/things'.post.responses.'409'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/v1/things'.post.responses.'503'.description", containsString("Retry-After"))
                .body("paths.'/api/v1/things/{id}'.put.responses", hasKey("412"))
                .body("paths.'/api/v1/things/{id}'.put.responses", hasKey("428"))
                .body("paths.'/api/v1/things/{id}'.get.responses", hasKey("404"))
                .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"));
    }
}
