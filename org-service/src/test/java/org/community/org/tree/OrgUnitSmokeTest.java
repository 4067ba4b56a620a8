package org.community.org.tree;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrgUnitSmokeTest {

    @Test
    void createsAndReadsACity() {
        String id = given().contentType("application/json")
                .body("{\"code\":\"SMOKE-CITY\",\"name\":\"武汉市\",\"level\":\"CITY\",\"form\":\"COMMITTEE\"}")
                .post("/api/v1/org-units")
                .then().statusCode(201).extract().path("id");
        given().get("/api/v1/org-units/" + id).then().statusCode(200).body("name", equalTo("武汉市"));
        given().get("/api/v1/org-units/not-a-uuid").then().log().all();
        given().contentType("application/json").body("{\"code\":\"x\"}").post("/api/v1/org-units").then().log().all();
        given().contentType("application/json").body("{\"code\":\"x\",").post("/api/v1/org-units").then().log().all();
        given().contentType("application/json").header("Accept-Language", "en").body("{\"code\":\"x\",\"level\":\"MOON\",\"name\":\"n\"}").post("/api/v1/org-units").then().log().all();
        given().get("/api/v1/org-units?size=500").then().log().all();
        given().get("/nope").then().log().all();
    }
}
