package org.community.gateway;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Tokens for tests: real logins at the built-in issuer, and hand-made ones signed with the test key. */
final class Tokens {

    static final String ISSUER = "https://community-suite.local/gateway";

    private Tokens() {
    }

    static String login(String username, String password) {
        return given().contentType("application/json")
                .body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("accessToken");
    }

    static String gridWorker() {
        return login("grid-worker", "demo-grid");
    }

    /** Claims like the issuer's, to be changed by the test and signed with the gateway's test key. */
    static JwtClaimsBuilder claims() {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).audience("community-suite").subject("grid-worker").groups("GRID_WORKER")
                .issuedAt(now).expiresAt(now + 600);
    }

    static String sign(JwtClaimsBuilder claims) {
        return claims.jws().sign(privateKey());
    }

    static PrivateKey privateKey() {
        try {
            String pem = Files.readString(Path.of("target/test-keys/private-key.pem"))
                    .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
