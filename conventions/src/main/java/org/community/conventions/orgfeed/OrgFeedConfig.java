package org.community.conventions.orgfeed;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * {@code org-feed.*}: where org-service's change feed is and how this service authenticates to it (the client-credentials
 * grant of a service account holding the role SERVICE). The names are the suite's contract: LocalSuite, compose and k8s
 * set them.
 */
@ConfigMapping(prefix = "org-feed")
public interface OrgFeedConfig {

    /** Whether the consumer runs (false in tests that do not exercise the feed). */
    @WithDefault("true")
    boolean enabled();

    /** org-service's base URL, e.g. {@code http://localhost:8081}. */
    @WithDefault("http://localhost:8081")
    String url();

    /** The token endpoint of the issuer: the gateway's {@code /api/v1/auth/oauth2/token} locally, Keycloak's in deploy/. */
    @WithDefault("http://localhost:8080/api/v1/auth/oauth2/token")
    String tokenUrl();

    /** The service account's client id: {@code volunteer-service}, {@code consultation-service}. */
    @WithDefault("${quarkus.application.name}")
    String clientId();

    /** No default: without it the consumer does not start and readiness says why. */
    Optional<String> clientSecret();

    /** Events asked for per request (1..1000). */
    @WithDefault("500")
    int batchSize();

    /** How long org-service holds a request when nothing is new (long-polling, 0..30 s): {@code org-feed.wait}. */
    @WithName("wait")
    @WithDefault("20s")
    Duration waitTime();

    /** The first pause after a failed request; it doubles with each failure in a row up to {@link #backoffMax()}. */
    @WithDefault("1s")
    Duration backoffInitial();

    @WithDefault("60s")
    Duration backoffMax();
}
