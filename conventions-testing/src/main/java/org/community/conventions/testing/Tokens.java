package org.community.conventions.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens as the gateway issues them (gateway/README.md, "Token contract": iss, aud, sub, upn, name, groups, org_units,
 * exp), plus the broken kinds a service must refuse. Signed with the key {@code smallrye.jwt.sign.key.location} names:
 * each service's TEST-ONLY key pair under src/test/resources.
 */
public final class Tokens {

    public static final String ISSUER = "https://community-suite.local/gateway";
    public static final String AUDIENCE = "community-suite";

    private Tokens() {
    }

    /** A CITY_ADMIN with no units: the default of every test that is not about security. */
    public static String cityAdmin() {
        return of("city-admin", "CITY_ADMIN");
    }

    /**
     * Every request of a test class carries a CITY_ADMIN token unless it says otherwise ({@code .auth().oauth2(...)},
     * {@code .auth().none()}): the alternative to {@link DefaultToken} for tests that call without a token that way.
     */
    public static void useCityAdminByDefault() {
        RestAssured.requestSpecification = new RequestSpecBuilder().setAuth(RestAssured.oauth2(cityAdmin())).build();
    }

    /** A caller with one role scoped to these units. */
    public static String of(String subject, String role, String... unitIds) {
        return claims(subject, Set.of(role), List.of(unitIds)).sign();
    }

    /** A caller with one role scoped to these units (ids as UUIDs). */
    public static String token(String subject, String role, UUID... unitIds) {
        return of(subject, role, ids(unitIds));
    }

    /** A caller with several roles scoped to these units. */
    public static String withRoles(String subject, Set<String> roles, String... unitIds) {
        return claims(subject, roles, List.of(unitIds)).sign();
    }

    /** Full control over issuer, audience and expiry, for the token-validation tests. */
    public static String build(String subject, Set<String> roles, String issuer, String audience, Instant expiresAt, UUID... unitIds) {
        return claims(subject, roles, List.of(ids(unitIds))).issuer(issuer).audience(audience).issuedAt(Instant.now().minusSeconds(60))
                .expiresAt(expiresAt).sign();
    }

    /** A token whose {@code iat} lies {@code ahead} in the future (and whose expiry is an hour after that). */
    public static String issuedAhead(java.time.Duration ahead, String role, String... unitIds) {
        Instant issuedAt = Instant.now().plus(ahead);
        return claims("early", Set.of(role), List.of(unitIds)).issuedAt(issuedAt).expiresAt(issuedAt.plusSeconds(3600)).sign();
    }

    public static String expired(String role, String... unitIds) {
        return claims("expired", Set.of(role), List.of(unitIds)).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    public static String wrongIssuer(String role, String... unitIds) {
        return claims("stranger", Set.of(role), List.of(unitIds)).issuer("https://evil.example/issuer").sign();
    }

    public static String wrongAudience(String role, String... unitIds) {
        return claims("stranger", Set.of(role), List.of(unitIds)).audience("another-suite").sign();
    }

    /** A valid token whose payload was changed after signing: CITY_ADMIN written over the role. */
    public static String tampered(String role, String... unitIds) {
        String[] parts = of("tamperer", role, unitIds).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(role, "CITY_ADMIN");
        parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return String.join(".", parts);
    }

    /** A valid token with one byte of the signature flipped. */
    public static String badSignature(String role, String... unitIds) {
        String token = of("tamperer", role, unitIds);
        int at = token.lastIndexOf('.') + 10;
        char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + flipped + token.substring(at + 1);
    }

    private static JwtClaimsBuilder claims(String subject, Set<String> roles, List<String> unitIds) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).claim("name", "测试 " + subject)
                .groups(roles).claim("org_units", unitIds).issuedAt(Instant.now()).expiresIn(3600);
    }

    private static String[] ids(UUID... unitIds) {
        String[] ids = new String[unitIds.length];
        for (int i = 0; i < unitIds.length; i++) {
            ids[i] = unitIds[i].toString();
        }
        return ids;
    }
}
