package org.community.conventions.orgfeed;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * This service's own access token for org-service's feed: the OAuth 2 client-credentials grant (RFC 6749 §4.4) at
 * {@code org-feed.token-url}, the client authenticated by HTTP Basic. The token is kept until shortly before it expires
 * (30 s, or a tenth of its lifetime when that is shorter) and fetched again then, or at once when org-service answers 401.
 */
@ApplicationScoped
class ServiceToken {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    OrgFeedConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    private String token;
    private Instant renewAt = Instant.MIN;

    synchronized String get() throws InterruptedException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    synchronized void forget() {
        token = null;
    }

    private void fetch() throws InterruptedException {
        String secret = config.clientSecret().orElseThrow(() -> new FeedUnavailable("org-feed.client-secret is not set"));
        String basic = Base64.getEncoder().encodeToString((form(config.clientId()) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.tokenUrl())).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FeedUnavailable("token endpoint " + config.tokenUrl() + " unreachable: " + e, e);
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
                // RFC 6749 §5.2: {"error": "invalid_client", "error_description": ...}
                throw new FeedUnavailable("token endpoint answered " + response.statusCode() + ": " + body.path("error").asText("")
                        + " " + body.path("error_description").asText(""));
            }
            Instant now = clock.instant();
            long lifetime = Math.max(1, body.path("expires_in").asLong(60));
            token = body.get("access_token").asText();
            renewAt = now.plusSeconds(lifetime - Math.min(30, Math.max(1, lifetime / 10)));
        } catch (IOException e) {
            throw new FeedUnavailable("token endpoint answered " + response.statusCode() + " without JSON", e);
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
