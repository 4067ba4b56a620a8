package org.community.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything the gateway does is driven by this configuration: which service owns which resource, how
 * patient the proxy is, how clients are limited and who may log in to the built-in issuer.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Downstream services by name, e.g. {@code gateway.routes.org-service.url=http://localhost:8081}. */
    Map<String, Route> routes();

    Proxy proxy();

    RateLimit rateLimit();

    OpenApi openapi();

    Health health();

    Auth auth();

    Limits limits();

    PublicBase publicBase();

    Console console();

    interface Route {
        /** Base URL of the service: scheme, host, port and an optional path prefix. */
        String url();

        /** The first path segments after {@code /api/v1/} that this service owns. */
        List<String> resources();

        /**
         * Largest request body sent to this service; default {@code gateway.limits.max-body-size}. Set it to the
         * service's own {@code quarkus.http.limits.max-body-size}, e.g. larger for org-service's imports.
         */
        Optional<MemorySize> maxBodySize();

        /**
         * The service's readiness URL, when its {@code /q/*} endpoints live on a management port of their own
         * (production); default {@code <url>/q/health/ready}.
         */
        Optional<String> healthUrl();
    }

    interface Proxy {
        /** Time to open a TCP connection to a downstream. */
        @WithDefault("500ms")
        Duration connectTimeout();

        /**
         * Longest silence from a downstream once the request is sent: waiting for the response headers,
         * and between two chunks of the response body. Exceeded: 504.
         */
        @WithDefault("30s")
        Duration readTimeout();

        /**
         * Extra attempts for idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) when the connection could
         * not be made or broke before any request body byte was sent.
         */
        @WithDefault("1")
        int retries();

        /** Pooled keep-alive connections per downstream and event loop. */
        @WithDefault("100")
        int maxConnections();

        CircuitBreaker circuitBreaker();
    }

    /**
     * One breaker per downstream (Resilience4j): it opens when at least {@code failure-rate-threshold} percent
     * of the last {@code sliding-window-size} calls failed, once {@code minimum-number-of-calls} calls were
     * seen. A failure is a fault of the downstream itself: connection refused, connect or read timeout, a
     * connection the downstream broke off, and optionally a 5xx. A caller who hangs up is never one.
     */
    interface CircuitBreaker {
        @WithDefault("true")
        boolean enabled();

        /** Percentage of failed calls in the window that opens the circuit. */
        @WithDefault("50")
        int failureRateThreshold();

        /** How many of the most recent calls the failure rate is computed over. */
        @WithDefault("20")
        int slidingWindowSize();

        /** Calls needed in the window before the rate counts: a few early failures never open it. */
        @WithDefault("10")
        int minimumNumberOfCalls();

        /** How long an open circuit answers 503 at once before it lets probes through (half-open). */
        @WithDefault("5s")
        Duration openDuration();

        /** Probe requests let through when half-open; their outcome closes or re-opens the circuit. */
        @WithDefault("1")
        int probesWhenHalfOpen();

        /** Count a 5xx answer as a failure. Off: a service that answers, even with an error, is up. */
        @WithDefault("false")
        boolean countServerErrors();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second per client (token subject, or IP address without a token). */
        @WithDefault("50")
        double requestsPerSecond();

        /** Requests a client may send at once above the sustained rate. */
        @WithDefault("100")
        int burst();

        /**
         * Use the first address of {@code X-Forwarded-For} as the client IP. Only behind a load balancer that
         * sets this header itself; otherwise clients could pick their own key.
         */
        @WithDefault("false")
        boolean trustForwardedFor();
    }

    interface OpenApi {
        /** How long a merged document is served before the downstreams are asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        @WithDefault("3s")
        Duration fetchTimeout();
    }

    interface Health {
        @WithDefault("2s")
        Duration timeout();

        /**
         * true: the gateway is not ready while a downstream is not ready. false: every downstream is still
         * reported, but the gateway stays ready (one dead service should not take all routes out of a load balancer).
         */
        @WithDefault("true")
        boolean requireDownstreams();
    }

    interface Auth {
        /** Validate a bearer token on every /api/v1/** request except /api/v1/auth/**. */
        @WithDefault("true")
        boolean enabled();

        /** Tolerated clock difference when checking exp/iat. */
        @WithDefault("30s")
        Duration clockSkew();

        Verify verify();

        Issuer issuer();
    }

    /**
     * Which tokens are trusted. Each key falls back to the built-in issuer when it is enabled. (The
     * MicroProfile {@code mp.jwt.verify.*} keys are not used here because Quarkus gives them dev/test defaults.)
     */
    interface Verify {
        /** PEM or JWKS, file path or URL, e.g. a Keycloak realm's {@code .../protocol/openid-connect/certs}. */
        Optional<String> publickeyLocation();

        /** Expected {@code iss}. */
        Optional<String> issuer();

        /** Accepted {@code aud} values (any one must be in the token). */
        Optional<List<String>> audiences();

        /**
         * Minutes a fetched JWKS is used before it is fetched again, so a key the provider removed is refused within
         * about this time (deploy/README.md "Signing-key rotation").
         */
        @WithDefault("1")
        int jwksRefreshInterval();

        /** Minutes between two fetches forced by a token naming an unknown {@code kid} (a newly rotated key). */
        @WithDefault("1")
        int jwksForcedRefreshInterval();
    }

    /** The built-in token issuer of the local suite. Switch it off in production and use an OIDC provider. */
    interface Issuer {
        @WithDefault("true")
        boolean enabled();

        /** The {@code iss} claim. Tokens are verified against it unless mp.jwt.verify.issuer says otherwise. */
        @WithDefault("https://community-suite.local/gateway")
        String issuer();

        /** The {@code aud} claim. */
        @WithDefault("community-suite")
        String audience();

        @WithDefault("1h")
        Duration lifespan();

        /**
         * Directory holding private-key.pem and public-key.pem; generated at first start when missing.
         * Ignored when both key locations below are set.
         */
        @WithDefault(".gateway-keys")
        String keyDir();

        /** PKCS#8 PEM private key file, e.g. mounted from a secret. */
        Optional<String> privateKeyLocation();

        /** X.509 PEM public key file matching the private key. */
        Optional<String> publicKeyLocation();

        /** Demo accounts by user name. */
        Map<String, Account> accounts();

        /**
         * Service accounts by client id, granted tokens with role SERVICE by the OAuth 2 client-credentials grant
         * ({@code POST /api/v1/auth/oauth2/token}). The local suite sets one random secret per client per start.
         */
        Map<String, Client> clients();
    }

    interface Client {
        /** The client secret (compared in constant time). */
        String secret();
    }

    interface Account {
        /** {@code pbkdf2-sha256:<iterations>:<base64 salt>:<base64 hash>}; make one with auth.PasswordHash. */
        String passwordHash();

        List<String> roles();

        /** org-service unit ids the account is scoped to (its subtree). */
        Optional<List<String>> orgUnits();

        Optional<String> displayName();
    }

    /**
     * What the gateway accepts at all, answered with problem+json (413, 414, 431) before anything reaches a
     * service. Each is below what the services' own HTTP servers accept (Quarkus' defaults: a 4,096-byte request
     * line, 20 KB of headers, 10 MB of body), so a request the gateway lets through is never cut off downstream.
     */
    interface Limits {
        /** Default largest request body; a route may allow more ({@code gateway.routes.<name>.max-body-size}). */
        @WithDefault("10M")
        MemorySize maxBodySize();

        /** Longest request target (path and query). */
        @WithDefault("4000")
        int maxUriLength();

        /** Largest total size of the request headers (names and values). */
        @WithDefault("16K")
        MemorySize maxHeaderSize();
    }

    /**
     * The address clients use, for {@code Location} and {@code Content-Location} headers of downstream answers,
     * which the services build from the internal address they were called at.
     */
    interface PublicBase {
        /** A fixed public base URL, e.g. {@code https://suite.example.gov.cn}. Unset: taken from each request. */
        Optional<String> url();

        /**
         * Take scheme and host from {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} when present (an
         * Ingress sets them); otherwise from the request's own scheme and {@code Host}.
         */
        @WithDefault("true")
        boolean trustForwardedHeaders();
    }

    /**
     * How the web console signs people in, published to it as {@code GET /console/config.json}: with the built-in issuer
     * (the default) or, once an OIDC issuer is set, by the authorization code flow with PKCE at that provider.
     */
    interface Console {
        /**
         * The OIDC provider's issuer as a browser reaches it, e.g. {@code https://sso.example.gov.cn/realms/community};
         * the console reads the endpoints from its {@code /.well-known/openid-configuration}. Unset: the built-in issuer.
         */
        Optional<String> oidcIssuer();

        /** The provider's public client the console signs in with (PKCE S256, no secret). */
        @WithDefault("community-web")
        String oidcClientId();
    }
}
