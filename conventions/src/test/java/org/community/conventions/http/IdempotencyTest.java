package org.community.conventions.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.community.conventions.fixture.ThingResource;
import org.community.conventions.testing.Problems;
import org.community.conventions.testing.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    private static String thing() {
        return "{\"name\":\"idem-" + UUID.randomUUID() + "\",\"kind\":\"TOOL\"}";
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstAnswer() {
        String key = key();
        String body = thing();
        Response first = given().contentType("application/json").header("Idempotency-Key", key).body(body).post("/api/v1/things");
        first.then().statusCode(201);
        given().contentType("application/json").header("Idempotency-Key", key).body(body).post("/api/v1/things")
                .then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"))
                .header("ETag", first.header("ETag")).body("id", equalTo(first.path("id")));
        given().contentType("application/json").header("Idempotency-Key", key).body(thing()).post("/api/v1/things")
                .then().spec(Problems.problemNaming(422, "idempotency-key-reused", "Idempotency-Key"));
        // another caller's key is its own: never the first caller's answer
        given().contentType("application/json").header("Authorization", "Bearer " + Tokens.of("someone-else", "CITY_ADMIN"))
                .header("Idempotency-Key", key).body(body).post("/api/v1/things").then().spec(Problems.problem(409, "conflict"));
    }

    @Test
    void aFailureOnTheServiceSideIsForgottenSoTheRetryRunsAgain() {
        String key = key();
        given().header("Idempotency-Key", key).post("/api/v1/things/fail").then().statusCode(500);
        given().header("Idempotency-Key", key).post("/api/v1/things/fail").then().statusCode(500).header("Idempotent-Replayed", (String) null);
    }

    @Test
    void aRetryWhileTheFirstIsStillRunningIsItsOwnProblemWithRetryAfter() throws Exception {
        String key = key();
        ThingResource.slow = new CountDownLatch(1);
        ThingResource.slowEntered = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> given().contentType("application/json")
                .header("Idempotency-Key", key).body("{\"name\":\"slow\"}").post("/api/v1/things/slow").statusCode());
        try {
            assertTrue(ThingResource.slowEntered.await(30, TimeUnit.SECONDS), "the first request is running");
            given().contentType("application/json").header("Idempotency-Key", key).body("{\"name\":\"slow\"}").post("/api/v1/things/slow")
                    .then().spec(Problems.retryLater(409, "idempotency-key-in-progress")).header("Retry-After", "1");
        } finally {
            ThingResource.slow.countDown();
        }
        assertEquals(200, first.get(30, TimeUnit.SECONDS));
        given().contentType("application/json").header("Idempotency-Key", key).body("{\"name\":\"slow\"}").post("/api/v1/things/slow")
                .then().statusCode(200).header("Idempotent-Replayed", "true");
    }

    /**
     * Another replica took the key and died without answering (kill -9): its claim was its database session's advisory
     * lock, so the moment the session ends the retry proceeds instead of waiting minutes.
     */
    @Test
    void aClaimDiesWithItsOwner() throws Exception {
        String key = key();
        String body = thing();
        String endpoint = IdempotencyFilters.endpoint("/api/v1/things", "city-admin");
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        Connection owner = DriverManager.getConnection(url, "postgres", "postgres");
        try (PreparedStatement lock = owner.prepareStatement("select pg_advisory_lock(?)");
                PreparedStatement claim = owner.prepareStatement("insert into idempotency_record (idempotency_key, endpoint, request_hash,"
                        + " created_at) values (?, ?, ?, now() - interval '10 seconds')")) {
            lock.setLong(1, IdempotencyStore.lockId(key, endpoint));
            lock.executeQuery().close();
            claim.setString(1, key);
            claim.setString(2, endpoint);
            claim.setString(3, IdempotencyFilters.sha256(body));
            claim.executeUpdate();
        }
        given().contentType("application/json").header("Idempotency-Key", key).body(body).post("/api/v1/things")
                .then().spec(Problems.retryLater(409, "idempotency-key-in-progress"));
        owner.close();
        given().contentType("application/json").header("Idempotency-Key", key).body(body).post("/api/v1/things").then().statusCode(201);
        given().contentType("application/json").header("Idempotency-Key", key).body(body).post("/api/v1/things")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void anInvalidKeyIs400() {
        given().contentType("application/json").header("Idempotency-Key", "x".repeat(256)).body(thing()).post("/api/v1/things")
                .then().spec(Problems.problemNaming(400, "validation", "Idempotency-Key"));
    }
}
