package org.community.conventions.db;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

import org.community.conventions.testing.Problems;
import org.junit.jupiter.api.Test;

/**
 * A database nobody can reach: reads and writes answer 503 with Retry-After once the pool gives up (its acquisition
 * timeout, 2 s here), instead of a 500 or a hang.
 */
@QuarkusTest
@TestProfile(DatabaseUnreachableTest.NoDatabase.class)
class DatabaseUnreachableTest {

    /** Far above the 2 s acquisition timeout, so a loaded build machine passes, and far below a hang. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // port 9 (discard) has no PostgreSQL behind it
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:9/nothing", "fixture.create-schema", "false",
                    "quarkus.datasource.jdbc.min-size", "0");
        }
    }

    @Test
    void readsAndWritesAre503WithRetryAfter() {
        given().get("/api/v1/things/today").then().statusCode(200);
        answers503(given());
        answers503(given().header("Accept-Language", "en"));
        long started = System.nanoTime();
        given().contentType("application/json").body("{\"name\":\"x\",\"kind\":\"TOOL\"}").post("/api/v1/things")
                .then().spec(Problems.retryLater(503, "unavailable"));
        given().contentType("application/json").header("Idempotency-Key", "k").body("{\"name\":\"x\",\"kind\":\"TOOL\"}").post("/api/v1/things")
                .then().spec(Problems.retryLater(503, "unavailable"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(BOUND.multipliedBy(2)) < 0, "answered, not hung");
    }

    private static void answers503(RequestSpecification request) {
        long started = System.nanoTime();
        request.get("/api/v1/things").then().spec(Problems.retryLater(503, "unavailable"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(BOUND) < 0, "answered in " + took + ", not hung");
    }
}
