package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * In production the operations endpoints are on a port of their own that the Ingress does not route: the
 * public port serves the API, the merged contract and Swagger UI, and nothing that names internal addresses.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.Production.class)
@QuarkusTestResource(FakeDownstreams.class)
class ManagementInterfaceTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true");
        }
    }

    /** The management interface's root, {@code http://host:port/q/}. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void healthAndMetricsAreOnlyOnTheManagementPort() {
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().get(management + "metrics").then().statusCode(200);
        given().get(management + "health/live").then().statusCode(200);
        // not ready: the tests' dead-service route is down, and readiness reports every downstream
        given().get(management + "health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'downstream-dead-service' }.data.url", notNullValue());
    }

    @Test
    void theContractStaysOnThePublicPort() {
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
