package org.community.consultation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.community.consultation.support.Downstreams;
import org.community.conventions.testing.contract.OpenApiContract;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(Downstreams.class)
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryATagAndItsErrorResponses() {
        Map<String, Object> paths = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            for (Map.Entry<String, Object> op : ((Map<String, Object>) path.getValue()).entrySet()) {
                if (!(op.getValue() instanceof Map<?, ?> operation) || !operation.containsKey("responses")) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                if (operation.get("summary") == null) {
                    missing.add(name + ": summary");
                }
                if (!(operation.get("tags") instanceof List<?> tags) || tags.isEmpty()) {
                    missing.add(name + ": tags");
                }
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                if (!responses.containsKey("400") || !responses.containsKey("500")) {
                    missing.add(name + ": error responses");
                }
                if (path.getKey().contains("{") && !responses.containsKey("404")) {
                    missing.add(name + ": 404");
                }
            }
        }
        assertTrue(operations > 40, "found only " + operations + " operations");
        assertTrue(missing.isEmpty(), String.join("\n", missing));
        for (String root : List.of("topics", "meetings", "votes", "resolutions", "evaluations", "disclosures")) {
            assertTrue(paths.containsKey("/api/v1/" + root), root);
        }
        assertTrue(paths.containsKey("/api/v1/topics/{id}/timeline"));
    }

    @Test
    void problemsAreInTheCallersLanguage() {
        given().header("Accept-Language", "en").get("/api/v1/votes/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.startsWith("Vote "));
        given().get("/api/v1/votes/" + java.util.UUID.randomUUID()).then().statusCode(404).body("detail", org.hamcrest.Matchers.startsWith("表决"));
        given().get("/api/v1/topics?size=500").then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("size"));
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
