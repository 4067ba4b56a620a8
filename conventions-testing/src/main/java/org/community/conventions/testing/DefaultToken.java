package org.community.conventions.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every test calls as CITY_ADMIN unless it says otherwise: a request with its own Authorization header keeps it, and
 * {@code .header("Authorization", NONE)} sends none at all. A service turns it on by listing this class in its
 * src/test/resources/META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback.
 */
public class DefaultToken implements QuarkusTestBeforeEachCallback {

    public static final String NONE = "none";

    private static String token;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(AddToken.class::isInstance)) {
            RestAssured.filters(new AddToken());
        }
    }

    /** The default bearer token, for clients other than RestAssured. */
    public static synchronized String bearer() {
        if (token == null) {
            token = Tokens.cityAdmin();
        }
        return "Bearer " + token;
    }

    static final class AddToken implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
            String given = request.getHeaders().getValue("Authorization");
            if (given == null) {
                request.header("Authorization", bearer());
            } else if (given.equals(NONE)) {
                request.removeHeader("Authorization");
            }
            return context.next(request, response);
        }
    }
}
