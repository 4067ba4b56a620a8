package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Requests too large for the gateway are problem+json answers, never empty bodies or a broken connection. */
@QuarkusTest
@QuarkusTestResource(FakeDownstreams.class)
class RequestLimitsTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aBodyOverTheServicesLimitIs413ProblemBeforeAnythingIsSent() {
        byte[] body = new byte[2 * 1024 * 1024];
        given().auth().oauth2(Tokens.gridWorker()).header("Accept-Language", "en").contentType("application/json")
                .body(body).post("/api/v1/volunteers")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:community-suite:problem:payload-too-large"))
                .body("detail", containsString("1 MB"));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Problem() {
        InputStream chunked = new ByteArrayInputStream(new byte[2 * 1024 * 1024]);
        given().auth().oauth2(Tokens.gridWorker()).contentType("application/octet-stream").body(chunked)
                .post("/api/v1/topics")
                .then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void aRouteMayAllowMore() {
        byte[] body = new byte[2 * 1024 * 1024];
        given().auth().oauth2(Tokens.gridWorker()).contentType("application/octet-stream").body(body)
                .post("/api/v1/imports")
                .then().statusCode(200)
                .body("bytes", equalTo(body.length));
    }

    @Test
    void anOverlongUriIs414Problem() {
        given().auth().oauth2(Tokens.gridWorker()).get("/api/v1/org-units/" + "x".repeat(5000))
                .then().statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:community-suite:problem:uri-too-long"));
    }

    @Test
    void oversizedHeadersAre431Problem() {
        given().auth().oauth2(Tokens.gridWorker()).header("X-Padding", "p".repeat(17 * 1024)).get("/api/v1/org-units/1")
                .then().statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:community-suite:problem:headers-too-large"));
    }
}
