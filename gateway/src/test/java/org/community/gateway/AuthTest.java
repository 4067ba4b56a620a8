package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(FakeDownstreams.class)
class AuthTest {

    @Test
    void loginGivesATokenThatOpensTheApi() {
        JsonPath answer = given().contentType("application/json").body("{\"username\":\"grid-worker\",\"password\":\"demo-grid\"}")
                .post("/api/v1/auth/token")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(3600))
                .body("roles", hasItems("GRID_WORKER"))
                .body("orgUnits", hasItems("grid-unit-1", "grid-unit-2"))
                .extract().jsonPath();
        String token = answer.getString("accessToken");
        JsonPath claims = new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals("https://community-suite.local/gateway", claims.getString("iss"));
        assertEquals("grid-worker", claims.getString("sub"));
        assertEquals("community-suite", claims.getString("aud"));
        assertEquals(java.util.List.of("GRID_WORKER"), claims.getList("groups"));
        assertEquals(java.util.List.of("grid-unit-1", "grid-unit-2"), claims.getList("org_units"));
        JsonPath header = new JsonPath(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8));
        assertEquals("RS256", header.getString("alg"));
        given().get("/api/v1/auth/jwks").then().statusCode(200)
                .body("keys[0].kid", equalTo(header.getString("kid")))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].kty", equalTo("RSA"));

        given().auth().oauth2(token).get("/api/v1/org-units/1").then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void wrongPasswordOrUnknownUserIs401() {
        given().contentType("application/json").header("Accept-Language", "en")
                .body("{\"username\":\"grid-worker\",\"password\":\"nope\"}").post("/api/v1/auth/token")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("Unknown user name or wrong password"));
        given().contentType("application/json").body("{\"username\":\"nobody\",\"password\":\"demo-grid\"}").post("/api/v1/auth/token")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void incompleteLoginNamesTheField() {
        given().contentType("application/json").body("{\"username\":\"grid-worker\"}").post("/api/v1/auth/token")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("password"));
        given().contentType("application/json").body("{\"username\":").post("/api/v1/auth/token")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void missingTokenIs401() {
        given().header("Accept-Language", "en").get("/api/v1/org-units/1")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:community-suite:problem:unauthorized"))
                .body("detail", containsString("No access token"));
        given().header("Authorization", "Basic Z3JpZDpkZW1v").get("/api/v1/org-units/1")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenIs401() {
        long now = System.currentTimeMillis() / 1000;
        String expired = Tokens.sign(Tokens.claims().issuedAt(now - 7200).expiresAt(now - 3600));
        given().auth().oauth2(expired).header("Accept-Language", "en").get("/api/v1/org-units/1")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("detail", containsString("expired"));
    }

    @Test
    void oneClockSkewLeewayOf30SecondsForExpiryAndIssueTime() {
        long now = System.currentTimeMillis() / 1000;
        given().auth().oauth2(Tokens.sign(Tokens.claims().issuedAt(now - 600).expiresAt(now - 20))).get("/api/v1/org-units/1")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.sign(Tokens.claims().issuedAt(now - 600).expiresAt(now - 40))).get("/api/v1/org-units/1")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.sign(Tokens.claims().issuedAt(now + 20).expiresAt(now + 600))).get("/api/v1/org-units/1")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.sign(Tokens.claims().issuedAt(now + 86_400).expiresAt(now + 90_000)))
                .header("Accept-Language", "en").get("/api/v1/org-units/1")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("future"));
    }

    @Test
    void tamperedTokenIs401() {
        String token = Tokens.gridWorker();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("GRID_WORKER", "CITY_ADMIN");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        given().auth().oauth2(forged).header("Accept-Language", "en").get("/api/v1/org-units/1")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("invalid"));
        given().auth().oauth2("not.a.jwt").get("/api/v1/org-units/1").then().statusCode(401);
    }

    @Test
    void tokenFromAnotherIssuerIs401() {
        String foreign = Tokens.sign(Tokens.claims().issuer("https://evil.example/issuer"));
        given().auth().oauth2(foreign).header("Accept-Language", "en").get("/api/v1/org-units/1")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("trusted issuer"));
        // the right issuer and key, for contrast: accepted
        given().auth().oauth2(Tokens.sign(Tokens.claims())).get("/api/v1/org-units/1").then().statusCode(200);
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        String other = Tokens.sign(Tokens.claims().audience("another-system"));
        given().auth().oauth2(other).get("/api/v1/org-units/1").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void cityAdminSetsADemoAccountsScopeWhichNewTokensCarryAndTheFileKeeps() throws Exception {
        String admin = Tokens.login("city-admin", "demo-city");
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"orgUnits\":[\"kangcheng-building-7\", \"kangcheng-building-7\"]}")
                .put("/api/v1/auth/accounts/resident/org-units")
                .then().statusCode(200)
                .body("username", equalTo("resident"))
                .body("roles", equalTo(java.util.List.of("RESIDENT")))
                .body("orgUnits", equalTo(java.util.List.of("kangcheng-building-7")));

        String resident = Tokens.login("resident", "demo-resident");
        JsonPath claims = new JsonPath(new String(Base64.getUrlDecoder().decode(resident.split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals(java.util.List.of("kangcheng-building-7"), claims.getList("org_units"));
        given().auth().oauth2(admin).get("/api/v1/auth/accounts").then().statusCode(200)
                .body("find { it.username == 'resident' }.orgUnits", equalTo(java.util.List.of("kangcheng-building-7")))
                .body("username", hasItems("city-admin", "grid-worker", "team-leader"))
                .body("[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("passwordHash")));
        String kept = java.nio.file.Files.readString(java.nio.file.Path.of("target/test-keys/account-org-units.json"));
        assertEquals(true, kept.contains("kangcheng-building-7"), kept);
    }

    @Test
    void onlyACityAdminMayChangeScopesAndBadInputNamesTheField() {
        String body = "{\"orgUnits\":[\"somewhere\"]}";
        given().contentType("application/json").body(body).put("/api/v1/auth/accounts/resident/org-units")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(Tokens.gridWorker()).contentType("application/json").body(body)
                .put("/api/v1/auth/accounts/grid-worker/org-units")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.gridWorker()).get("/api/v1/auth/accounts").then().statusCode(403);

        String admin = Tokens.login("city-admin", "demo-city");
        given().auth().oauth2(admin).contentType("application/json").body(body).put("/api/v1/auth/accounts/nobody/org-units")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType("application/json").body("{\"orgUnits\":[\" \"]}")
                .put("/api/v1/auth/accounts/resident/org-units")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems(org.hamcrest.Matchers.startsWith("orgUnits")));
        given().auth().oauth2(admin).contentType("application/json").body("{}")
                .put("/api/v1/auth/accounts/resident/org-units")
                .then().statusCode(400).body("errors.field", hasItems("orgUnits"));
        // the grid worker's configured scope is untouched by all of this
        given().contentType("application/json").body("{\"username\":\"grid-worker\",\"password\":\"demo-grid\"}")
                .post("/api/v1/auth/token").then().statusCode(200).body("orgUnits", hasItems("grid-unit-1", "grid-unit-2"));
    }
}
