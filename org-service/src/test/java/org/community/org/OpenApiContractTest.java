package org.community.org;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.community.conventions.testing.contract.OpenApiContract;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The published OpenAPI document is the contract: every operation is described and lists its errors. */
@QuarkusTest
class OpenApiContractTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryATagAndItsProblemResponses() {
        JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/org-units", "/api/v1/org-units/{id}/stats", "/api/v1/org-units/{id}/move",
                "/api/v1/households", "/api/v1/imports");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, raw) -> {
            Map<String, Object> operation = (Map<String, Object>) raw;
            String name = method.toUpperCase() + " " + path;
            if (operation.get("summary") == null) {
                missing.add(name + " summary");
            }
            if (operation.get("tags") == null) {
                missing.add(name + " tags");
            }
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            if (!responses.containsKey("400") || !responses.containsKey("500")) {
                missing.add(name + " error responses");
            }
            if (path.contains("{") && !responses.containsKey("404")) {
                missing.add(name + " 404");
            }
            if (method.equals("put") && !responses.containsKey("412")) {
                missing.add(name + " 412");
            }
        }));
        assertThat(missing).isEmpty();
        assertThat(doc.getMap("components.schemas")).containsKeys("Problem", "OrgUnit", "UnitStats", "Household", "Import");
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
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
