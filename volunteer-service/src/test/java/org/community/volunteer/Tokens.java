package org.community.volunteer;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.smallrye.jwt.build.Jwt;

/**
 * Test tokens signed with the test-only key pair in src/test/resources, with the claims of the gateway's token contract
 * (gateway/README.md): iss, aud, sub, upn, name, groups, org_units, exp.
 */
public final class Tokens {

    public static final String ISSUER = "https://community-suite.local/gateway";
    public static final String AUDIENCE = "community-suite";

    private Tokens() {
    }

    public static String token(String sub, String role, UUID... orgUnits) {
        return build(sub, Set.of(role), ISSUER, AUDIENCE, Instant.now().plusSeconds(3600), orgUnits);
    }

    public static String build(String sub, Set<String> roles, String issuer, String audience, Instant expiresAt, UUID... orgUnits) {
        JsonArrayBuilder units = Json.createArrayBuilder();
        Arrays.stream(orgUnits).forEach(u -> units.add(u.toString()));
        return Jwt.issuer(issuer).audience(audience).subject(sub).upn(sub).claim("name", "测试 " + sub).groups(roles)
                .claim("org_units", units.build()).issuedAt(Instant.now().minusSeconds(60)).expiresAt(expiresAt).sign();
    }

    public static String cityAdmin() {
        return token("city-admin", "CITY_ADMIN", FakeOrgService.CITY);
    }

    /** Every request of a test class carries a CITY_ADMIN token unless it says otherwise ({@code .auth().oauth2(...)} / {@code .auth().none()}). */
    public static void useCityAdminByDefault() {
        RestAssured.requestSpecification = new RequestSpecBuilder().setAuth(RestAssured.oauth2(cityAdmin())).build();
    }
}
