package org.community.conventions.testing.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Runtime conformance: every response a test receives through RestAssured from an {@code /api/} path is validated
 * against the spec the service serves (status code documented, body matching its schema, required headers present),
 * by a {@link ConformanceFilter}. Requests are not validated, since tests send bad requests on purpose; the answers to
 * them are. A mismatch fails the test that received it; {@code -Dcontract.conformance=report} instead lists every
 * mismatch of the run in {@code target/contract-mismatches.txt}, {@code off} skips the check. A service turns it on by
 * listing this class in its
 * src/test/resources/META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback.
 */
public class ResponseConformance implements QuarkusTestBeforeEachCallback {

    public static final String MODE = ConformanceFilter.MODE;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!ConformanceFilter.off() && RestAssured.filters().stream().noneMatch(ConformanceFilter.class::isInstance)) {
            RestAssured.filters(ConformanceFilter.againstServedSpec());
        }
    }
}
