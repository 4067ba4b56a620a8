package org.community.conventions.testing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/**
 * The problem+json shape every error answer has (RFC 9457 plus the suite's {@code requestId} and {@code errors}):
 * {@code .then().spec(Problems.problem(409, "conflict"))}.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:community-suite:problem:";

    private Problems() {
    }

    /** Status, content type, {@code type} by its slug, and the members every problem carries. */
    public static ResponseSpecification problem(int status, String slug) {
        return builder(status, slug).build();
    }

    /** A problem that names {@code field} among its {@code errors}. */
    public static ResponseSpecification problemNaming(int status, String slug, String field) {
        return builder(status, slug).expectBody("errors.field", hasItem(field)).build();
    }

    /** A problem that tells the caller when to try again. */
    public static ResponseSpecification retryLater(int status, String slug) {
        return builder(status, slug).expectHeader("Retry-After", not(emptyOrNullString())).build();
    }

    private static ResponseSpecBuilder builder(int status, String slug) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType(MEDIA_TYPE)
                .expectBody("type", equalTo(TYPE_PREFIX + slug))
                .expectBody("status", equalTo(status))
                .expectBody("title", not(emptyOrNullString()))
                .expectBody("detail", not(emptyOrNullString()))
                .expectBody("instance", notNullValue())
                .expectBody("requestId", not(emptyOrNullString()));
    }
}
