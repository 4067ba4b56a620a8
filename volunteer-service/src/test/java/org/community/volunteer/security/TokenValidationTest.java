package org.community.volunteer.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import org.community.volunteer.FakeOrgService;
import org.community.conventions.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Every /api/v1 operation needs a valid token: anything else is 401 problem+json with WWW-Authenticate: Bearer. */
@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
class TokenValidationTest {

    static final String VALID = "valid";

    @ParameterizedTest(name = "{0} token → 401")
    @ValueSource(strings = { "none", "malformed", "expired", "tampered-payload", "tampered-signature", "wrong-issuer", "wrong-audience",
            "unsigned" })
    void invalidTokensAre401ProblemJson(String kind) {
        for (String path : new String[] { "/api/v1/volunteers", "/api/v1/activities", "/api/v1/volunteer-audit", "/api/v1/teams/"
                + java.util.UUID.randomUUID() }) {
            request(kind).header("Accept-Language", "en").get(path).then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("urn:community-suite:problem:unauthorized")).body("title", equalTo("Not authenticated"))
                    .body("status", equalTo(401));
        }
        request(kind).contentType("application/json").body("{\"name\":\"张三\",\"phone\":\"13900001111\"}").post("/api/v1/volunteers")
                .then().statusCode(401).contentType("application/problem+json").body("title", equalTo("未认证"));
    }

    @Test
    void aValidTokenPassesAndOperationalEndpointsStayOpen() {
        request(VALID).get("/api/v1/activities").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void anIdempotentReplayNeedsAValidTokenToo() {
        String key = java.util.UUID.randomUUID().toString();
        String body = "{\"name\":\"幂等\",\"phone\":\"" + org.community.volunteer.Fixtures.phone() + "\"}";
        given().auth().oauth2(Tokens.cityAdmin()).header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/volunteers").then().statusCode(201);
        // the stored answer is not replayed to a caller without a valid token
        given().auth().none().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/volunteers").then().statusCode(401);
        given().auth().oauth2(tamperPayload(Tokens.token("grid-a", Roles.GRID_WORKER))).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/volunteers").then().statusCode(401);
        given().auth().oauth2(Tokens.cityAdmin()).header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/volunteers").then().statusCode(201).header("Idempotent-Replayed", "true");
        // keys are per account: another caller with the same key is not served the first caller's answer
        given().auth().oauth2(Tokens.token("someone-else", Roles.RESIDENT)).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/api/v1/volunteers").then().statusCode(409).header("Idempotent-Replayed", (String) null);
    }

    @Test
    void authenticatedWithoutTheRoleIs403ProblemJson() {
        given().auth().oauth2(Tokens.token("resident-x", Roles.RESIDENT)).header("Accept-Language", "en").get("/api/v1/volunteer-audit")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:community-suite:problem:forbidden"));
    }

    private static RequestSpecification request(String kind) {
        String good = Tokens.token("grid-a", Roles.GRID_WORKER, FakeOrgService.COMMUNITY_A);
        String token = switch (kind) {
            case "none" -> null;
            case VALID -> good;
            case "malformed" -> "not-a-jwt";
            case "expired" -> Tokens.build("grid-a", Set.of(Roles.GRID_WORKER), Tokens.ISSUER, Tokens.AUDIENCE, Instant.now().minusSeconds(600),
                    FakeOrgService.COMMUNITY_A);
            case "tampered-payload" -> tamperPayload(good);
            case "tampered-signature" -> {
                String[] parts = good.split("\\.");
                char[] sig = parts[2].toCharArray();
                sig[10] = sig[10] == 'A' ? 'B' : 'A';
                yield parts[0] + "." + parts[1] + "." + new String(sig);
            }
            case "wrong-issuer" -> Tokens.build("grid-a", Set.of(Roles.GRID_WORKER), "https://evil.example/issuer", Tokens.AUDIENCE,
                    Instant.now().plusSeconds(600), FakeOrgService.COMMUNITY_A);
            case "wrong-audience" -> Tokens.build("grid-a", Set.of(Roles.GRID_WORKER), Tokens.ISSUER, "another-suite",
                    Instant.now().plusSeconds(600), FakeOrgService.COMMUNITY_A);
            case "unsigned" -> {
                Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
                yield b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + good.split("\\.")[1] + ".";
            }
            default -> throw new IllegalArgumentException(kind);
        };
        return token == null ? given().auth().none() : given().auth().oauth2(token);
    }

    /** The payload claims a CITY_ADMIN role; the signature no longer matches. */
    private static String tamperPayload(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("GRID_WORKER", "CITY_ADMIN");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }
}
