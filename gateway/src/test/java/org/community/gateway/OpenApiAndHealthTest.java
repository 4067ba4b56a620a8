package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FakeDownstreams.class)
class OpenApiAndHealthTest {

    @Test
    void mergesTheDocumentsOfAllServices() {
        given().get("/q/openapi?format=json")
                .then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("X-OpenAPI-Missing", "dead-service")
                .body("paths", hasKey("/api/v1/org-units/{id}"))
                .body("paths", hasKey("/api/v1/volunteers"))
                .body("paths", hasKey("/api/v1/topics"))
                .body("paths", hasKey("/api/v1/auth/token"))
                .body("paths", hasKey("/api/v1/auth/jwks"))
                // both fakes define a different Problem: each keeps its own under a prefixed name
                .body("components.schemas", hasKey("org-service.Problem"))
                .body("components.schemas", hasKey("volunteer-service.Problem"))
                .body("components.schemas", hasKey("OrgUnit"))
                .body("paths.'/api/v1/volunteers'.get.responses.'404'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/volunteer-service.Problem"))
                .body("paths.'/api/v1/org-units/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/OrgUnit"))
                .body("'x-missing-services'", hasItem("dead-service"))
                .body("info.description", containsString("dead-service"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/auth/token'.post.security.size()", equalTo(0))
                .body("tags.name", hasItem("volunteer-service"));
    }

    @Test
    void servesYamlByDefaultAndSwaggerUiOverTheMergedDocument() {
        given().get("/q/openapi").then().statusCode(200)
                .contentType(containsString("yaml"))
                .body(containsString("/api/v1/volunteers:"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/q/openapi?format=json"));
    }

    @Test
    void readinessReportsEveryDownstream() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'downstream-org-service' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'downstream-volunteer-service' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'downstream-consultation-service' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'downstream-dead-service' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'downstream-dead-service' }.data.url", notNullValue())
                .body("checks.find { it.name == 'downstream-org-service' }.data.answer", equalTo("HTTP 200"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", not(hasItem("downstream-org-service")));
    }
}
