package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With an OIDC provider configured, the console is told to sign in there and its page may talk to the provider. */
@QuarkusTest
@TestProfile(ConsoleOidcSignInTest.WithKeycloak.class)
@QuarkusTestResource(FakeDownstreams.class)
class ConsoleOidcSignInTest {

    static final String ISSUER = "https://sso.example.gov.cn:8443/realms/community";

    public static class WithKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.console.oidc-issuer", ISSUER);
        }
    }

    @Test
    void theConsoleIsToldTheIssuerAndItsPublicClient() {
        given().get("/console/config.json").then().statusCode(200)
                .body("signIn", equalTo("oidc"))
                .body("issuer", equalTo(ISSUER))
                .body("clientId", equalTo("community-web"));
    }

    @Test
    void thePageMayFetchFromTheProviderOnly() {
        given().get("/console/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self' https://sso.example.gov.cn:8443;"))
                .header("Content-Security-Policy", containsString("form-action 'self'"));
    }
}
