package org.community.conventions.db;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;

import org.community.conventions.fixture.ThingResource;
import org.community.conventions.testing.Problems;
import org.junit.jupiter.api.Test;

/** A serialization failure or deadlock is retried inside the service; a database that goes away is 503, not 500. */
@QuarkusTest
class DatabaseErrorsTest {

    @Test
    void aSerializationFailureIsRetriedInsideTheService() {
        ThingResource.attempts.set(0);
        ThingResource.failures = 2;
        given().post("/api/v1/things/contended").then().statusCode(200);
        assertEquals(3, ThingResource.attempts.get());
    }

    @Test
    void aCollisionThatPersistsIs503BusyWithRetryAfter() {
        ThingResource.attempts.set(0);
        ThingResource.failures = Integer.MAX_VALUE;
        given().post("/api/v1/things/contended").then().spec(Problems.retryLater(503, "busy"));
        assertEquals(TransactionRetry.ATTEMPTS, ThingResource.attempts.get());
    }

    @Test
    void aSessionTheDatabaseEndsIs503WithRetryAfter() {
        given().post("/api/v1/things/terminated").then().spec(Problems.retryLater(503, "unavailable"));
        // the pool replaces the connection: the next request is served
        given().get("/api/v1/things").then().statusCode(200);
    }
}
