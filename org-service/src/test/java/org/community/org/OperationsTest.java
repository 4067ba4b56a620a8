package org.community.org;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import jakarta.inject.Inject;

import org.community.conventions.http.IdempotencyFilters;
import org.community.conventions.http.IdempotencyStore;
import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What running several replicas and operating the service rely on. */
@QuarkusTest
class OperationsTest {

    @Inject
    IdempotencyStore store;

    @Test
    void anIdempotencyKeyAnsweredByOneReplicaIsReplayedByAnother() throws Exception {
        String street = Api.street("replica");
        String body = "{\"code\":\"" + Api.unique("R") + "\",\"name\":\"社区\",\"level\":\"COMMUNITY\",\"parentId\":\"" + street + "\"}";
        String key = Api.unique("replica-key");
        String id = given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/v1/org-units").then().statusCode(201).extract().path("id");

        // another replica shares nothing with this one but the database: it finds the first answer there
        // (records are per endpoint and account: the default test token is city-admin's)
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        IdempotencyStore.Stored seen = store.begin(key, IdempotencyFilters.endpoint("/api/v1/org-units", "city-admin"), hash);
        assertThat(seen.outcome()).isEqualTo(IdempotencyStore.Outcome.REPLAY);
        assertThat(seen.status()).isEqualTo(201);
        assertThat(seen.body()).contains(id);
        assertThat(store.begin(key, IdempotencyFilters.endpoint("/api/v1/org-units", "city-admin"), "another body").outcome())
                .isEqualTo(IdempotencyStore.Outcome.MISMATCH);
    }

    @Test
    void metricsHaveLatencyPerEndpoint() {
        String street = Api.street("metrics");
        given().get("/api/v1/org-units/" + street + "/stats").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests_seconds_count")
                .contains("uri=\"/api/v1/org-units/{id}/stats\"");
    }
}
