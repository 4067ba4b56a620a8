package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;

/** The web console (the console module's build on the classpath) at /console/, without a token. */
@QuarkusTest
@QuarkusTestResource(FakeDownstreams.class)
class ConsoleFilesTest {

    private static String entryScript(String page) {
        Matcher m = Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"").matcher(page);
        assertThat(m.find()).as("the page loads its entry script from /console/assets/: " + page).isTrue();
        return m.group(1);
    }

    @Test
    void thePageIsServedAndRevalidatedOnEveryLoad() {
        given().get("/console/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", equalTo("no-cache"))
                .header("ETag", containsString("\""))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("<div id=\"app\"></div>"));
    }

    @Test
    void hashedAssetsAreCachedForAYearAndSentCompressed() {
        String script = entryScript(given().get("/console/").asString());
        // without decoders rest-assured sends no Accept-Encoding: the file comes as it is
        Response plain = given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .get(script);
        plain.then().statusCode(200).contentType(containsString("text/javascript"))
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .header("Content-Encoding", nullValue());
        Response zipped = given().header("Accept-Encoding", "gzip").get(script);
        zipped.then().statusCode(200).header("Content-Encoding", equalTo("gzip"));
        assertThat(zipped.asString()).as("the same script, decompressed").isEqualTo(plain.asString());
    }

    @Test
    void anUnchangedFileIsNotSentAgain() {
        String etag = given().get("/console/").header("ETag");
        given().header("If-None-Match", etag).get("/console/").then().statusCode(304);
    }

    @Test
    void theAppsOwnRoutesGetThePageSoADeepLinkOrReloadWorks() {
        String page = given().get("/console/").asString();
        given().get("/console/units/0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20").then().statusCode(200)
                .header("Cache-Control", equalTo("no-cache")).body(equalTo(page));
        given().get("/console/topics").then().statusCode(200).body(equalTo(page));
    }

    @Test
    void aMissingFileIsNotFoundRatherThanThePage() {
        given().get("/console/assets/index-missing.js").then().statusCode(404);
        given().get("/console/logo.png").then().statusCode(404);
        given().get("/console/assets/../../application.properties").then().statusCode(404);
    }

    @Test
    void theConsoleSignsInWithTheBuiltInIssuerUnlessAnOidcProviderIsConfigured() {
        given().get("/console/config.json").then().statusCode(200).contentType(containsString("application/json"))
                .header("Cache-Control", equalTo("no-cache"))
                .body("signIn", equalTo("built-in")).body("issuer", nullValue());
        given().get("/console/").then().header("Content-Security-Policy", containsString("connect-src 'self';"));
    }

    @Test
    void withoutTheSlashItRedirectsToTheConsole() {
        given().redirects().follow(false).get("/console").then().statusCode(302).header("Location", endsWith("/console/"));
    }

    @Test
    void theApiIsStillTheProxys() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(containsString("application/problem+json"));
    }
}
