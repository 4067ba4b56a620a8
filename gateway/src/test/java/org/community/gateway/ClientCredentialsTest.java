package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The client-credentials grant of the built-in issuer: service accounts with role SERVICE (README "Service accounts"). */
@QuarkusTest
@QuarkusTestResource(FakeDownstreams.class)
class ClientCredentialsTest {

    private static final String TOKEN_URL = "/api/v1/auth/oauth2/token";

    @Test
    void aClientWithItsSecretInTheFormGetsAServiceToken() {
        JsonPath answer = given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", "volunteer-service").formParam("client_secret", "test-only-volunteer-secret")
                .post(TOKEN_URL)
                .then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(3600))
                .extract().jsonPath();
        String token = answer.getString("access_token");
        JsonPath claims = claims(token);
        assertEquals("service-account-volunteer-service", claims.getString("sub"));
        assertEquals("https://community-suite.local/gateway", claims.getString("iss"));
        assertEquals("community-suite", claims.getString("aud"));
        assertEquals(List.of("SERVICE"), claims.getList("groups"));
        assertFalse(claims.getMap("").containsKey("org_units"));
        // the gateway itself accepts it like any token it issued
        given().auth().oauth2(token).get("/api/v1/org-units/changes").then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void aClientAuthenticatedByHttpBasicGetsAServiceToken() {
        // RFC 6749 §2.3.1: id and secret are form-urlencoded before Base64
        String id = "consultation-service";
        String secret = "test-only secret/with+odd:chars%";
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        String token = given().header("Authorization", "Basic " + basic).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").post(TOKEN_URL)
                .then().statusCode(200).extract().path("access_token");
        assertEquals("service-account-consultation-service", claims(token).getString("sub"));
    }

    @Test
    void aWrongSecretOrUnknownClientIsInvalidClient() {
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", "volunteer-service").formParam("client_secret", "test-only-volunteer-secreT")
                .post(TOKEN_URL)
                .then().statusCode(401).contentType("application/json").header("WWW-Authenticate", equalTo("Basic realm=\"community-suite\""))
                .body("error", equalTo("invalid_client")).body("access_token", nullValue());
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", "nobody").formParam("client_secret", "test-only-volunteer-secret")
                .post(TOKEN_URL).then().statusCode(401).body("error", equalTo("invalid_client"));
        // a demo user's name and password are not client credentials
        given().auth().preemptive().basic("city-admin", "demo-city").contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").post(TOKEN_URL).then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .post(TOKEN_URL).then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void otherGrantsAndMalformedRequestsAreRefused() {
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .formParam("client_id", "volunteer-service").formParam("client_secret", "test-only-volunteer-secret")
                .post(TOKEN_URL).then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().contentType("application/x-www-form-urlencoded").formParam("client_id", "volunteer-service")
                .formParam("client_secret", "test-only-volunteer-secret")
                .post(TOKEN_URL).then().statusCode(400).body("error", equalTo("invalid_request"));
        // two ways of authenticating the client at once
        given().auth().preemptive().basic("volunteer-service", "test-only-volunteer-secret").contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_secret", "test-only-volunteer-secret")
                .post(TOKEN_URL).then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    private static JsonPath claims(String token) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
