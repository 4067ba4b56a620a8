package org.community.suite;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls through the gateway (or one service's own URL), as one logged-in demo account. */
final class Gateway {

    private final String baseUri;
    private final String token;

    private Gateway(String baseUri, String token) {
        this.baseUri = baseUri;
        this.token = token;
    }

    static Gateway login(String baseUri, String username, String password) {
        String token = given().baseUri(baseUri).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("accessToken");
        return new Gateway(baseUri, token);
    }

    /** Calls with a token from elsewhere (Keycloak). */
    static Gateway withToken(String baseUri, String token) {
        return new Gateway(baseUri, token);
    }

    RequestSpecification request() {
        return given().baseUri(baseUri).auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en");
    }

    Response get(String path) {
        return request().get(path);
    }

    Response post(String path, Object body) {
        return request().body(body).post(path);
    }

    /** A POST that must create: 201, and the new resource's id. */
    String create(String path, Object body) {
        Response answer = post(path, body);
        answer.then().statusCode(201);
        return answer.path("id");
    }

    /** A POST on a versioned resource: If-Match with the resource's current ETag. */
    Response postIfMatch(String resourcePath, String actionPath, Object body) {
        String etag = get(resourcePath).then().statusCode(200).extract().header("ETag");
        RequestSpecification request = request().header("If-Match", etag);
        return body == null ? request.post(actionPath) : request.body(body).post(actionPath);
    }

    /** The id of the org unit with this code (the seeds give every unit a code). */
    String unit(String code) {
        return get("/api/v1/org-units?code=" + code).then().statusCode(200).extract().path("items[0].id");
    }
}
