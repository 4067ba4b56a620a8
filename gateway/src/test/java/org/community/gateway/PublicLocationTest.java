package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A service builds Location from the internal address it was called at; clients must see the gateway's. */
@QuarkusTest
@QuarkusTestResource(FakeDownstreams.class)
class PublicLocationTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void locationAndContentLocationNameTheGateway() {
        String expected = "http://localhost:" + gateway.getPort() + "/api/v1/org-units/99";
        given().auth().oauth2(Tokens.gridWorker()).redirects().follow(false).post("/api/v1/org-units/created")
                .then().statusCode(201)
                .header("Location", equalTo(expected))
                .header("Content-Location", equalTo(expected))
                .header("Link", equalTo("<https://example.org/docs>; rel=help"));
    }

    @Test
    void behindAnIngressTheForwardedSchemeAndHostAreUsed() {
        given().auth().oauth2(Tokens.gridWorker()).redirects().follow(false)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "suite.example.gov.cn")
                .post("/api/v1/org-units/created")
                .then().statusCode(201)
                .header("Location", equalTo("https://suite.example.gov.cn/api/v1/org-units/99"));
    }

    @Test
    void addressesOfOtherSitesAreLeftAlone() {
        given().auth().oauth2(Tokens.gridWorker()).redirects().follow(false).get("/api/v1/org-units/elsewhere")
                .then().statusCode(303)
                .header("Location", equalTo("https://example.org/api/v1/x"));
    }
}
