package org.community.seeds;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Keycloak realm as the seeds use it: users log in with the password grant of a public client (the demo realm's
 * {@code community-web}), and an administrator of the admin realm ({@code master}) sets each demo user's
 * {@code org_units} attribute through the admin REST API ({@code /admin/realms/{realm}/users}), which the realm's
 * {@code org_units} mapper puts in every token issued afterwards.
 *
 * <pre>{@code
 * Keycloak kc = Keycloak.at(URI.create("http://localhost:8180")).realm("community").administrator("admin", "admin");
 * String token = kc.login("secretary", "demo-secretary").accessToken();
 * kc.setOrgUnits("secretary", List.of(jxyId));
 * }</pre>
 *
 * Plain {@code java.net.http} and Jackson: the seeds module stays a small library without a REST framework. The
 * generic {@link #admin(String, String, Object)} call is also what the end-to-end tests use to shorten token
 * lifespans, rotate signing keys and end sessions.
 */
public final class Keycloak {

    /** A non-2xx answer from Keycloak, with its body. */
    public static final class KeycloakException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String body;

        KeycloakException(String what, int status, String body) {
            super(what + " → " + status + ": " + (body.length() > 600 ? body.substring(0, 600) + "…" : body));
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }

    /** The answer of a token request. */
    public record Tokens(String accessToken, String refreshToken, long expiresIn) {
    }

    private final URI base;
    private final String realm;
    private final String clientId;
    private final String adminRealm;
    private final String adminUser;
    private final String adminPassword;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String adminToken;

    private Keycloak(URI base, String realm, String clientId, String adminRealm, String adminUser, String adminPassword) {
        this.base = URI.create(Objects.requireNonNull(base, "base").toString().replaceAll("/+$", "") + "/");
        this.realm = realm;
        this.clientId = clientId;
        this.adminRealm = adminRealm;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Keycloak at this URL (no {@code /realms/...}), realm {@code community}, client {@code community-web}, admin admin/admin of realm master. */
    public static Keycloak at(URI base) {
        return new Keycloak(base, "community", "community-web", "master", "admin", "admin");
    }

    public Keycloak realm(String name) {
        return new Keycloak(base, name, clientId, adminRealm, adminUser, adminPassword);
    }

    /** The public client users log in with (password grant). */
    public Keycloak client(String id) {
        return new Keycloak(base, realm, id, adminRealm, adminUser, adminPassword);
    }

    /** The administrator who may manage the realm's users, and the realm that account lives in. */
    public Keycloak administrator(String realmOfAdmin, String user, String password) {
        return new Keycloak(base, realm, clientId, realmOfAdmin, user, password);
    }

    public Keycloak administrator(String user, String password) {
        return administrator(adminRealm, user, password);
    }

    public URI base() {
        return base;
    }

    public String realmName() {
        return realm;
    }

    /** {@code <base>/realms/<realm>}: the {@code iss} of the realm's tokens when Keycloak's hostname is this URL. */
    public String issuer() {
        return base + "realms/" + realm;
    }

    /** The realm's JWKS ({@code .../protocol/openid-connect/certs}). */
    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    // ---- users logging in -------------------------------------------------------------------------------------

    /** The password grant of the client: what a demo user gets when logging in. */
    public Tokens login(String username, String password) {
        return tokens(Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password, "scope", "openid"));
    }

    /** A new access token from a refresh token (fails with 400 {@code invalid_grant} once the session is gone). */
    public Tokens refresh(String refreshToken) {
        return tokens(Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
    }

    private Tokens tokens(Map<String, String> form) {
        JsonNode answer = send("POST", URI.create(tokenUrl()), form(form), "application/x-www-form-urlencoded", null,
                "token request (" + form.get("grant_type") + ") to " + tokenUrl());
        return new Tokens(answer.path("access_token").asText(), answer.path("refresh_token").asText(null), answer.path("expires_in").asLong());
    }

    // ---- demo users' scopes -------------------------------------------------------------------------------------

    /** The user's {@code org_units} attribute (empty when unset); fails when the realm has no such user. */
    public List<String> orgUnits(String username) {
        List<String> units = new ArrayList<>();
        user(username).path("attributes").path("org_units").forEach(u -> units.add(u.asText()));
        return units;
    }

    /**
     * Replaces the user's {@code org_units} attribute. The whole representation is read and written back: with
     * Keycloak's declarative user profile, attributes left out of an update would be removed.
     */
    public void setOrgUnits(String username, List<String> unitIds) {
        ObjectNode user = (ObjectNode) user(username);
        ObjectNode attributes = user.path("attributes") instanceof ObjectNode existing ? existing : user.putObject("attributes");
        ArrayNode values = attributes.putArray("org_units");
        unitIds.forEach(values::add);
        admin("PUT", "users/" + user.path("id").asText(), user);
    }

    /** The user's id: the {@code sub} of their tokens. */
    public String userId(String username) {
        return user(username).path("id").asText();
    }

    /** The full user representation (attributes included). */
    public JsonNode user(String username) {
        JsonNode found = admin("GET", "users?exact=true&briefRepresentation=false&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null);
        for (JsonNode user : found) {
            if (username.equalsIgnoreCase(user.path("username").asText())) {
                return admin("GET", "users/" + user.path("id").asText(), null);
            }
        }
        throw new IllegalStateException("Keycloak realm " + realm + " at " + base + " has no user '" + username
                + "' (the demo users come with the realm file deploy/compose/keycloak/realm.json)");
    }

    // ---- admin REST API ---------------------------------------------------------------------------------------

    /**
     * A call of the realm's admin API: {@code method} on {@code /admin/realms/<realm>/<path>} (an empty path is the
     * realm itself), JSON in and out (an empty answer is an empty object). Logs the administrator in when needed.
     */
    public JsonNode admin(String method, String path, Object body) {
        String url = base + "admin/realms/" + realm + (path.isEmpty() ? "" : "/" + path);
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(Api.JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        String token = adminToken;
        if (token == null) {
            token = adminLogin();
        }
        try {
            return send(method, URI.create(url), publisher, body == null ? null : "application/json", token, method + " " + url);
        } catch (KeycloakException e) {
            if (e.status() != 401) {
                throw e;
            }
            // the admin token expired (master's tokens live a minute): log in again once
            return send(method, URI.create(url), publisher, body == null ? null : "application/json", adminLogin(), method + " " + url);
        }
    }

    private String adminLogin() {
        String url = base + "realms/" + adminRealm + "/protocol/openid-connect/token";
        JsonNode answer;
        try {
            answer = send("POST", URI.create(url), form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", adminUser,
                    "password", adminPassword)), "application/x-www-form-urlencoded", null, "admin login of " + adminUser + " at " + url);
        } catch (KeycloakException e) {
            throw new KeycloakException("Keycloak refused the administrator '" + adminUser + "' of realm " + adminRealm
                    + " (give --keycloak-admin and --keycloak-admin-password)", e.status(), e.body());
        }
        adminToken = answer.path("access_token").asText();
        return adminToken;
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        new LinkedHashMap<>(fields).forEach((k, v) -> body.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    private JsonNode send(String method, URI url, HttpRequest.BodyPublisher publisher, String contentType, String bearer, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                .method(method, publisher);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + base + " (" + what + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new KeycloakException(what, response.statusCode(), response.body() == null ? "" : response.body());
        }
        String text = response.body();
        try {
            return text == null || text.isBlank() ? Api.JSON.createObjectNode() : Api.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(what + " answered something that is not JSON: " + text, e);
        }
    }
}
