package org.community.seeds;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The gateway's public API as the loader uses it: JSON in and out, a bearer token, an Idempotency-Key on every POST,
 * and a few retries when a service is briefly unavailable (503/502/429 or a refused connection).
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int PAGE = 200;
    private static final int ATTEMPTS = 6;

    /** A non-2xx answer, with the problem+json body. */
    static final class ApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String body;

        ApiException(String method, String path, int status, String body) {
            super(method + " " + path + " → " + status + ": " + (body.length() > 800 ? body.substring(0, 800) + "…" : body));
            this.status = status;
            this.body = body;
        }
    }

    private final URI base;
    private final HttpClient client;
    private volatile String token;
    /** Logs in again (a new token) when a call answers 401: the gateway's login or another token source. */
    private java.util.function.Supplier<String> tokenSource;
    private java.util.function.Function<String, String> accountIds = java.util.function.Function.identity();

    Api(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Logs in at the gateway's built-in issuer ({@code POST /api/v1/auth/token}). */
    void login(String user, String secret) {
        useTokens(() -> {
            JsonNode answer = send("POST", "/api/v1/auth/token", Map.of("username", user, "password", secret), null, null, false);
            String accessToken = answer.path("accessToken").asText(null);
            if (accessToken == null) {
                throw new IllegalStateException("the gateway answered the login without an accessToken: " + answer);
            }
            return accessToken;
        });
    }

    /**
     * The account id a record links a demo login by (a volunteer profile's or an elector's {@code account}, compared
     * with the token's {@code sub}): the user name for the gateway's built-in issuer, the user id for Keycloak.
     */
    String accountId(String username) {
        return accountIds.apply(username);
    }

    void accountIds(java.util.function.Function<String, String> byUsername) {
        this.accountIds = byUsername;
    }

    /** Takes tokens from elsewhere (an OIDC provider such as Keycloak); asks again when a call answers 401. */
    void useTokens(java.util.function.Supplier<String> source) {
        this.tokenSource = source;
        this.token = source.get();
    }

    JsonNode get(String path) {
        return send("GET", path, null, null, null, true);
    }

    /** GET that answers null for a 404. */
    JsonNode find(String path) {
        try {
            return get(path);
        } catch (ApiException e) {
            if (e.status == 404) {
                return null;
            }
            throw e;
        }
    }

    JsonNode post(String path, Object body, String idempotencyKey) {
        return send("POST", path, body, idempotencyKey, null, true);
    }

    /** A POST on an existing resource that requires {@code If-Match} (its version, as in the ETag). */
    JsonNode post(String path, Object body, String idempotencyKey, long version) {
        return send("POST", path, body, idempotencyKey, "\"" + version + "\"", true);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body, null, null, true);
    }

    /** Every item of a paged list ({@code {items,page,size,total}}), 200 at a time. */
    void each(String path, Map<String, ?> query, Consumer<JsonNode> item) {
        for (int page = 0;; page++) {
            StringJoiner q = new StringJoiner("&", path + "?", "");
            query.forEach((k, v) -> q.add(k + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
            q.add("page=" + page).add("size=" + PAGE);
            JsonNode answer = get(q.toString());
            JsonNode items = answer.path("items");
            items.forEach(item);
            long total = answer.path("total").asLong(0);
            if (items.size() < PAGE || (long) (page + 1) * PAGE >= total) {
                return;
            }
        }
    }

    /** A raw body (an import file). */
    JsonNode postBytes(String path, byte[] body, String contentType, String idempotencyKey) {
        return exchange("POST", path, HttpRequest.BodyPublishers.ofByteArray(body), contentType, idempotencyKey, null, true);
    }

    private JsonNode send(String method, String path, Object body, String idempotencyKey, String ifMatch, boolean authorized) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        return exchange(method, path, publisher, body == null ? null : "application/json", idempotencyKey, ifMatch, authorized);
    }

    private JsonNode exchange(String method, String path, HttpRequest.BodyPublisher publisher, String contentType, String idempotencyKey,
            String ifMatch, boolean authorized) {
        boolean relogged = false;
        for (int attempt = 1;; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                    .header("Accept", "application/json").header("Accept-Language", "en").method(method, publisher);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (authorized && token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (ConnectException e) {
                if (attempt < ATTEMPTS) {
                    pause(attempt);
                    continue;
                }
                throw new IllegalStateException("cannot reach the gateway at " + base + ": " + e.getMessage(), e);
            } catch (IOException e) {
                if (attempt < ATTEMPTS && ("GET".equals(method) || idempotencyKey != null)) {
                    pause(attempt);
                    continue;
                }
                throw new IllegalStateException(method + " " + path + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            int status = response.statusCode();
            if (status == 401 && authorized && !relogged && tokenSource != null) {
                relogged = true;
                token = tokenSource.get();
                continue;
            }
            boolean retryable = status == 502 || status == 503 || status == 504 || status == 429;
            if (retryable && attempt < ATTEMPTS && ("GET".equals(method) || "PUT".equals(method) || idempotencyKey != null)) {
                pause(attempt);
                continue;
            }
            if (status / 100 != 2) {
                throw new ApiException(method, path, status, response.body());
            }
            String text = response.body();
            try {
                return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " answered something that is not JSON: " + text, e);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(250L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
