package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(FakeDownstreams.class)
class ProxyTest {

    String token;

    @BeforeEach
    void login() {
        token = Tokens.gridWorker();
    }

    @Test
    void routesEachResourceToItsService() {
        given().auth().oauth2(token).get("/api/v1/org-units/42?page=1&size=5")
                .then().statusCode(200)
                .header("ETag", "\"7\"")
                .body("service", equalTo("org-service"))
                .body("uri", equalTo("/api/v1/org-units/42?page=1&size=5"));
        given().auth().oauth2(token).get("/api/v1/volunteers").then().statusCode(200).body("service", equalTo("volunteer-service"));
        given().auth().oauth2(token).get("/api/v1/topics/7/stages").then().statusCode(200)
                .body("service", equalTo("consultation-service"));
        given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"x\"}").post("/api/v1/households")
                .then().statusCode(200).body("method", equalTo("POST")).body("bodyLength", equalTo(12));
    }

    @Test
    void aRequestWithABodyIsRelayedWithoutAComplaintInTheLog() {
        LogComplaints complaints = LogComplaints.listen();
        try {
            for (int i = 0; i < 20; i++) {
                given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"x\"}").post("/api/v1/households")
                        .then().statusCode(200).body("bodyLength", equalTo(12));
            }
        } finally {
            complaints.stop();
        }
        assertThat(complaints.messages()).as("warnings and stack traces logged").isEmpty();
    }

    @Test
    void passesTheTokenOnAndSetsForwardedHeaders() {
        given().auth().oauth2(token).header("Host", "suite.example.org").get("/api/v1/members/1")
                .then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", equalTo("suite.example.org"));
    }

    @Test
    void dropsHopByHopHeaders() {
        given().auth().oauth2(token).header("Connection", "keep-alive, X-Private-Hop").header("X-Private-Hop", "secret")
                .header("Keep-Alive", "timeout=5").header("X-End-To-End", "kept")
                .get("/api/v1/members/1")
                .then().statusCode(200)
                .body("headers.x-private-hop", nullValue())
                .body("headers.keep-alive", nullValue())
                .body("headers.x-end-to-end", equalTo("kept"));
    }

    @Test
    void unknownResourceIsAProblem() {
        given().auth().oauth2(token).header("Accept-Language", "en").get("/api/v1/spaceships/1")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:community-suite:problem:not-found"))
                .body("detail", containsString("spaceships"))
                .body("requestId", notNullValue());
        given().get("/api/v1/").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void passesRequestIdAndTraceparentOn() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().auth().oauth2(token).header("X-Request-Id", "req-123").header("traceparent", traceparent)
                .get("/api/v1/org-units/1")
                .then().statusCode(200)
                .header("X-Request-Id", "req-123")
                .body("headers.x-request-id", equalTo("req-123"))
                .body("headers.traceparent", equalTo(traceparent));
    }

    @Test
    void setsRequestIdAndTraceparentWhenAbsent() {
        Response response = given().auth().oauth2(token).get("/api/v1/org-units/1");
        response.then().statusCode(200)
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                .body("headers.x-request-id", matchesPattern("[0-9a-f-]{36}"));
        assertEquals(response.path("headers.x-request-id"), response.header("X-Request-Id"));
        // a malformed traceparent is replaced, not passed on
        given().auth().oauth2(token).header("traceparent", "garbage").get("/api/v1/org-units/1")
                .then().body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }

    @Test
    void metricsNameTheResourceNotTheIdNorAMadeUpPath() {
        given().auth().oauth2(token).get("/api/v1/org-units/4711-metrics-id").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/volunteers").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/no-such-thing-4711/x").then().statusCode(404);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("uri=\"/api/v1/org-units/*\"", "uri=\"/api/v1/volunteers\"", "uri=\"/api/v1/{unknown}\"")
                .doesNotContain("4711");
    }

    @Test
    void slowDownstreamIsAGatewayTimeout() {
        long start = System.nanoTime();
        given().auth().oauth2(token).header("Accept-Language", "en").get("/api/v1/org-units/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:community-suite:problem:gateway-timeout"))
                .body("detail", containsString("org-service"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 900 && millis < 2500, "read timeout is 1 s, took " + millis + " ms");
    }

    @Test
    void deadDownstreamIs503WithinASecondAndOtherRoutesWork() {
        // ten calls make the breaker's minimum; all of them failed
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            given().auth().oauth2(token).header("Accept-Language", "en").get("/api/v1/dead-things/1")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("detail", containsString("dead-service"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1000, "answered in " + millis + " ms");
            given().auth().oauth2(token).get("/api/v1/org-units/1").then().statusCode(200);
        }
        // by now the circuit is open: refused without trying
        given().auth().oauth2(token).header("Accept-Language", "en").get("/api/v1/dead-things/1")
                .then().statusCode(503).body("detail", containsString("paused"));
        given().auth().oauth2(token).get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'downstream-dead-service' }.data.circuit", equalTo("OPEN"));
    }

    @Test
    void retriesIdempotentRequestsOnlyWhenNoBodyWasSent() {
        // the fake drops every odd call: GET is tried again and succeeds
        given().auth().oauth2(token).get("/api/v1/org-units/break").then().statusCode(200);
        // a POST is not repeated: the caller sees the failure
        given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/v1/org-units/break")
                .then().statusCode(502).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/v1/org-units/break")
                .then().statusCode(200);
    }

    @Test
    void answersCorsPreflightForWebFrontEnds() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/households")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "http://localhost:5173").auth().oauth2(token).get("/api/v1/org-units/1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/households")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
