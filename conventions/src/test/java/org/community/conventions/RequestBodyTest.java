package org.community.conventions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;

import org.community.conventions.testing.Problems;
import org.junit.jupiter.api.Test;

/** Bodies and parameters PostgreSQL could not store, or the service could only guess at, are the caller's 400. */
@QuarkusTest
class RequestBodyTest {

    @Test
    void aNulCharacterInAJsonStringIs400NamingTheField() {
        given().contentType("application/json").body("{\"name\":\"a\\u0000b\",\"kind\":\"TOOL\"}").post("/api/v1/things")
                .then().spec(Problems.problemNaming(400, "malformed-body", "name"));
        given().contentType("application/json").header("Accept-Language", "en")
                .body("{\"name\":\"ok-" + UUID.randomUUID() + "\",\"kind\":\"TOOL\",\"tags\":[\"x\",\"y\\u0000\"]}").post("/api/v1/things")
                .then().spec(Problems.problemNaming(400, "malformed-body", "tags[1]"))
                .body("errors[0].message", equalTo("Must not contain the NUL character (\\u0000)"));
    }

    @Test
    void aNulCharacterInAQueryParameterIs400AndInThePath404() {
        given().urlEncodingEnabled(false).get("/api/v1/things?kind=TO%00OL").then().spec(Problems.problemNaming(400, "validation", "kind"));
        given().urlEncodingEnabled(false).contentType("application/json").header("Idempotency-Key", "nul-path-" + UUID.randomUUID())
                .body("{\"name\":\"x\"}").post("/api/v1/things/ab%00cd/cancel").then().spec(Problems.problem(404, "not-found"));
    }

    @Test
    void aDuplicatedJsonFieldIs400NamingIt() {
        String id = HttpConventionsTest.create(HttpConventionsTest.unique("dupkey"));
        given().contentType("application/json").header("Accept-Language", "en").body("{\"name\":\"a\",\"name\":\"b\"}")
                .post("/api/v1/things/" + id + "/cancel")
                .then().spec(Problems.problemNaming(400, "malformed-body", "name"))
                .body("errors[0].message", equalTo("The JSON field name appears more than once"));
        given().contentType("application/json").body("{\"name\":\"x\",\"kind\":\"TOOL\",\"tags\":[],\"kind\":\"BOOK\"}")
                .post("/api/v1/things").then().spec(Problems.problemNaming(400, "malformed-body", "kind"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400() {
        given().contentType("application/json").body("{\"name\":").post("/api/v1/things").then().spec(Problems.problem(400, "malformed-body"));
        given().contentType("application/json").body("{\"name\":\"x\",\"kind\":\"SPOON\"}").post("/api/v1/things")
                .then().spec(Problems.problemNaming(400, "malformed-body", "kind"));
        given().contentType("application/json").body("{\"name\":\"x\",\"kind\":\"TOOL\",\"owner\":\"nope\"}").post("/api/v1/things")
                .then().spec(Problems.problemNaming(400, "malformed-body", "owner"));
    }
}
