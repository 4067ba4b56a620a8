package org.community.conventions.orgfeed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A service that provides no {@link OrgTreeCopy} (org-service) does not consume the feed, even with {@code org-feed.enabled}
 * left at its default: no thread, no readiness check, no gauges.
 */
@QuarkusTest
@TestProfile(NotAConsumerTest.WithoutTreeCopy.class)
class NotAConsumerTest {

    public static class WithoutTreeCopy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.arc.exclude-types", FixtureTreeCopy.class.getName(), "org-feed.enabled", "true",
                    "org-feed.url", "http://127.0.0.1:9");
        }
    }

    @Inject
    OrgFeedConsumer consumer;

    @Test
    void theConsumerStaysInert() {
        assertFalse(consumer.consumes());
        consumer.start();
        given().get("/q/health/ready").then().statusCode(200).body(not(containsString("org-feed")));
        given().get("/q/metrics").then().statusCode(200).body(not(containsString("org_feed_lag")));
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals("org-feed")));
    }
}
