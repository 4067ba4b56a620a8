package org.community.volunteer.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.community.volunteer.FakeOrgService;
import org.community.volunteer.Tokens;
import org.community.volunteer.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
class ConventionsTest {

    @BeforeEach
    void token() {
        Tokens.useCityAdminByDefault();
    }

    @Test
    void everyOperationHasASummaryATagAndProblemResponses() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                operations++;
                Map<String, Object> operation = op.getValue();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                if (operation.get("summary") == null) {
                    missing.add(name + ": summary");
                }
                if (!(operation.get("tags") instanceof List<?> tags) || tags.isEmpty()) {
                    missing.add(name + ": tags");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                if (responses == null || !responses.containsKey("400") || !responses.containsKey("500") || !responses.containsKey("401")
                        || !responses.containsKey("403")) {
                    missing.add(name + ": problem responses");
                }
                if (!op.getKey().equals("get") && (responses == null || !responses.containsKey("409"))) {
                    missing.add(name + ": 409");
                }
            }
        }
        assertTrue(operations > 40, "operations: " + operations);
        // every operation needs the bearer token
        org.junit.jupiter.api.Assertions.assertEquals("bearer", api.getString("components.securitySchemes.bearer.scheme"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(Map.of("bearer", List.of())), api.getList("security"));
        assertTrue(missing.isEmpty(), String.join("\n", missing));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void problemsPagingRequestIdsAndIdempotency() {
        given().get("/api/v1/volunteers/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/activities/" + java.util.UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("instance", notNullValue());
        given().queryParam("size", 500).get("/api/v1/volunteers").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().header("X-Request-Id", "req-42").get("/api/v1/teams/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .header("X-Request-Id", "req-42").body("requestId", equalTo("req-42"));
        given().contentType(ContentType.JSON).body("{\"name\":").post("/api/v1/volunteers").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/teams/stats").then().statusCode(400).body("errors[0].field", equalTo("orgUnitId"));

        String body = "{\"name\":\"幂等\",\"phone\":\"" + Fixtures.phone() + "\"}";
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", "vol-key-1").body(body).post("/api/v1/volunteers")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "vol-key-1").body(body).post("/api/v1/volunteers")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", "vol-key-1").body("{\"name\":\"别的\",\"phone\":\"" + Fixtures.phone() + "\"}")
                .post("/api/v1/volunteers").then().statusCode(422);
    }
}
