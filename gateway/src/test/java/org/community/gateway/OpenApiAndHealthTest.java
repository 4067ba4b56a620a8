package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;

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
                // the fakes define different Problems: the merge keeps one, the union of their properties
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", not(hasKey("OrgProblem")))
                .body("components.schemas", hasKey("OrgUnit"))
                .body("paths.'/api/v1/volunteers'.get.responses.'404'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/org-units/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/OrgUnit"))
                .body("'x-missing-services'", hasItem("dead-service"))
                .body("info.description", containsString("dead-service"))
                .body("info.license.name", equalTo("Apache-2.0"))
                .body("servers[0].url", equalTo("http://localhost:8080"))
                // one bearer scheme, required by every service operation, not by the issuer's login
                .body("components.securitySchemes.keySet()", equalTo(java.util.Set.of("bearerAuth")))
                .body("paths.'/api/v1/volunteers'.get.security[0].bearerAuth.size()", equalTo(0))
                .body("paths.'/api/v1/auth/token'.post.security.size()", equalTo(0))
                .body("paths.'/api/v1/auth/accounts'.get.security[0]", hasKey("bearerAuth"))
                .body("tags.name", hasItem("volunteer-service"));
    }

    /**
     * The gateway's own operations are committed as gateway/openapi.yaml (merged into contract/openapi.yaml by the
     * build), so a change shows in review: rewrite it with -Dcontract.update=true.
     */
    @Test
    void theCommittedGatewayDocumentIsTheOneItServes() throws Exception {
        String served = given().get("/q/openapi-gateway?format=yaml").then().statusCode(200).extract().asString();
        Path committed = Path.of("openapi.yaml");
        if (Boolean.getBoolean("contract.update")) {
            Files.writeString(committed, served);
        }
        assertThat(Files.exists(committed)).as("gateway/openapi.yaml exists (create it with -Dcontract.update=true)").isTrue();
        assertThat(served).as("gateway/openapi.yaml is out of date: rerun with -Dcontract.update=true and commit it")
                .isEqualTo(Files.readString(committed));
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
