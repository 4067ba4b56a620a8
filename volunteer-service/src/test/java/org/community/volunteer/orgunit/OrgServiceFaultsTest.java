package org.community.volunteer.orgunit;

import static org.community.volunteer.Fixtures.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.community.volunteer.FakeOrgService;
import org.community.volunteer.Fixtures;
import org.community.conventions.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/** A 4xx from org-service is the caller's problem; only timeouts, broken connections and 5xx mean org-service is down. */
@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
class OrgServiceFaultsTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void token() {
        Tokens.useCityAdminByDefault();
    }

    @AfterEach
    void closeCircuit() {
        FakeOrgService.up();
        breakers.resetAll();
    }

    private static io.restassured.response.Response register(Object orgUnitId) {
        return post("/api/v1/volunteers", "{\"name\":\"张三\",\"phone\":\"" + Fixtures.phone() + "\",\"idNumber\":\"" + Fixtures.idNumber()
                + "\",\"skills\":[],\"orgUnitId\":\"" + orgUnitId + "\"}");
    }

    @Test
    void org403Stays403AndOrg400IsA400NamingTheFieldWithoutOpeningTheCircuit() {
        long before = FakeOrgService.lookups();
        for (int i = 0; i < 5; i++) {
            register(FakeOrgService.REFUSED).then().statusCode(403).contentType("application/problem+json");
            register(FakeOrgService.BAD_REQUEST).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("orgUnitId")).body("errors[0].message", containsString("400"));
        }
        // each refusal was asked once (not retried) and none counted against org-service
        assertEquals(10, FakeOrgService.lookups() - before);
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("org-service"));
        register(FakeOrgService.COMMUNITY_A).then().statusCode(201);
    }

    @Test
    void brokenConnectionsAreOrgServiceDownAndOpenTheCircuit() {
        FakeOrgService.down();
        // a lookup is tried twice: two registrations make the four failures in a row that open the circuit
        register(FakeOrgService.COMMUNITY_A).then().statusCode(503).body("detail", containsString("org-service"));
        register(FakeOrgService.COMMUNITY_A).then().statusCode(503);
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState("org-service"));
    }
}
