package org.community.consultation.orgunits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.community.consultation.support.Downstreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/** How this service treats org-service failing, recovering and refusing (the client's fault tolerance). */
@QuarkusTest
@QuarkusTestResource(Downstreams.class)
class OrgServiceFaultsTest {

    /** The circuit's open time in the test profile (application.properties). */
    private static final long OPEN_MILLIS = 100;

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void restore() {
        Downstreams.orgDown = false;
        Downstreams.orgDelayMillis = 0;
        breakers.resetAll();
    }

    private static Response propose(String title, Object scope) {
        return given().contentType("application/json")
                .body("{\"title\":\"" + title + "\",\"description\":\"说明\",\"category\":\"PARKING\",\"scopeUnitId\":\"" + scope
                        + "\",\"proposer\":\"张建国\"}")
                .post("/api/v1/topics");
    }

    @Test
    void afterTheOpenTimeOnlyOneOfManyConcurrentCallsIsSentToOrgService() throws Exception {
        Downstreams.orgDown = true;
        // each check is tried three times: two proposals make the five failures in a row that open the circuit
        propose("熔断前 1", Downstreams.BUILDING).then().statusCode(503);
        propose("熔断前 2", Downstreams.BUILDING).then().statusCode(503);
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState("org-service"));
        int before = Downstreams.ORG_UNIT_REQUESTS.get();
        propose("熔断中", Downstreams.BUILDING).then().statusCode(503).contentType("application/problem+json");
        assertEquals(before, Downstreams.ORG_UNIT_REQUESTS.get(), "calls sent while open");

        // org-service is back but slow; the open time passes (SmallRye's own timer: there is no clock to set)
        Downstreams.orgDown = false;
        Downstreams.orgDelayMillis = 1500;
        Thread.sleep(OPEN_MILLIS + 100);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String title = "半开 " + i;
            answers.add(pool.submit(() -> propose(title, Downstreams.BUILDING).statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        // one trial call went to org-service and succeeded; the other nine were refused without being sent
        assertEquals(1, Downstreams.ORG_UNIT_REQUESTS.get() - before, "calls sent in half-open");
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "created: " + statuses);
        assertEquals(9, statuses.stream().filter(s -> s == 503).count(), "refused at once: " + statuses);
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("org-service"));
        Downstreams.orgDelayMillis = 0;
        propose("恢复后", Downstreams.BUILDING).then().statusCode(201);
    }

    @Test
    void aRefusalByOrgServiceIsTheCallersProblemAndDoesNotOpenTheCircuit() {
        int before = Downstreams.ORG_UNIT_REQUESTS.get();
        for (int i = 0; i < 6; i++) {
            // 400 from org-service: a 400 naming the field, not "org-service down"
            propose("坏请求 " + i, Downstreams.BAD_REQUEST_UNIT).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("scopeUnitId"));
            // 403 from org-service stays 403
            propose("无权 " + i, Downstreams.REFUSED_UNIT).then().statusCode(403).contentType("application/problem+json");
        }
        // refusals are answers: each was asked once (no retries) and the circuit stays closed
        assertEquals(12, Downstreams.ORG_UNIT_REQUESTS.get() - before);
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("org-service"));
        propose("之后照常", Downstreams.BUILDING).then().statusCode(201);
    }
}
