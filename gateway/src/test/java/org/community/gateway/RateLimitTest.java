package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(FakeDownstreams.class)
@TestProfile(RateLimitTest.Strict.class)
class RateLimitTest {

    @jakarta.inject.Inject
    org.community.conventions.testing.TestClock clock;

    /** One request every two seconds, three at once. */
    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.requests-per-second", "0.5", "gateway.rate-limit.burst", "3");
        }
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfter() throws Exception {
        clock.freeze(); // the bucket refills with time: however slowly the machine runs the requests, none refills it
        try {
            overTheRate();
        } finally {
            clock.reset();
        }
    }

    private void overTheRate() {
        String token = Tokens.gridWorker(); // the login is limited per address
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/org-units/1").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(token).header("Accept-Language", "en").get("/api/v1/org-units/1");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:community-suite:problem:too-many-requests"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);

        // another client (by token subject) is not affected
        String other = Tokens.sign(Tokens.claims().subject("someone-else"));
        given().auth().oauth2(other).get("/api/v1/org-units/1").then().statusCode(200);

        // after waiting as told, the first client may go on
        clock.advance(java.time.Duration.ofSeconds(retryAfter));
        assertEquals(200, given().auth().oauth2(token).get("/api/v1/org-units/1").statusCode());
    }
}
