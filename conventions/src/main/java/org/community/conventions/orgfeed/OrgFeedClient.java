package org.community.conventions.orgfeed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.community.conventions.orgfeed.FeedTypes.ChangesPage;
import org.community.conventions.orgfeed.FeedTypes.SnapshotPage;

/** The two reads of org-service's feed contract, with this service's own token (not a caller's). */
@ApplicationScoped
class OrgFeedClient {

    /** On top of the long-poll's wait: a held request that has not answered by then is taken as lost. */
    private static final Duration SLACK = Duration.ofSeconds(10);

    @Inject
    OrgFeedConfig config;

    @Inject
    ServiceToken token;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    ChangesPage changes(long after, int limit, Duration wait) throws InterruptedException {
        String query = "/api/v1/org-units/changes?after=" + after + "&limit=" + limit + "&wait=" + wait.toSeconds();
        return read(get(query, wait.plus(SLACK)), ChangesPage.class);
    }

    SnapshotPage snapshot(UUID afterId, int limit) throws InterruptedException {
        String query = "/api/v1/org-units/snapshot?limit=" + limit + (afterId == null ? "" : "&afterId=" + afterId);
        return read(get(query, Duration.ofSeconds(30)), SnapshotPage.class);
    }

    private String get(String pathAndQuery, Duration timeout) throws InterruptedException {
        HttpResponse<String> response = send(pathAndQuery, timeout);
        if (response.statusCode() == 401) {
            // the token expired early or the issuer's keys rotated: one more try with a new token
            token.forget();
            response = send(pathAndQuery, timeout);
        }
        if (response.statusCode() == 410) {
            throw new FeedUnavailable.CursorExpired("org-service no longer holds the events after our cursor: " + detail(response));
        }
        if (response.statusCode() != 200) {
            throw new FeedUnavailable("org-service answered " + response.statusCode() + " to " + pathAndQuery + ": " + detail(response));
        }
        return response.body();
    }

    private HttpResponse<String> send(String pathAndQuery, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url() + pathAndQuery)).timeout(timeout)
                .header("Authorization", "Bearer " + token.get()).header("Accept", "application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new FeedUnavailable("org-service unreachable at " + config.url() + ": " + e, e);
        }
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new FeedUnavailable("org-service's answer is not the feed contract's JSON: " + e.getMessage(), e);
        }
    }

    private String detail(HttpResponse<String> response) {
        try {
            JsonNode node = json.readTree(response.body());
            return node.path("detail").asText(node.path("title").asText(""));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
