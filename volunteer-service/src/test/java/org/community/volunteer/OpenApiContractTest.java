package org.community.volunteer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.community.conventions.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.community.conventions.testing.contract.OpenApiContract;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every operation of the published contract has a summary, a tag and the problem responses of the conventions. */
@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
class OpenApiContractTest {

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
        org.junit.jupiter.api.Assertions.assertEquals("bearer", api.getString("components.securitySchemes.bearerAuth.scheme"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(Map.of("bearerAuth", List.of())),
                api.getList("paths.'/api/v1/volunteers'.get.security"));
        assertTrue(missing.isEmpty(), String.join("\n", missing));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void everyOperationHasAUniqueIdATypedAnswerAndTheBearerScheme() {
        List<String> incomplete = OpenApiContract.incompleteOperations();
        org.junit.jupiter.api.Assertions.assertTrue(incomplete.isEmpty(), String.join("\n", incomplete));
    }

    @Test
    void theServedSpecIsTheCommittedOne() {
        OpenApiContract.assertServedSpecIsCommitted();
    }
}
