package org.community.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The admin API calls the loader makes, against a small fake of Keycloak's endpoints. */
class KeycloakTest {

    private static final String ID = "7247f261-a90c-5800-a16e-a4a9a7ec6310";

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> stored = new ConcurrentHashMap<>();
    private volatile boolean adminTokenExpired;
    private Keycloak keycloak;

    @BeforeEach
    void fakeKeycloak() throws IOException {
        stored.put(ID, """
                {"id":"%s","username":"secretary","firstName":"社区书记 王芳","email":"secretary@community-suite.local",
                 "enabled":true,"attributes":{"org_units":[],"locale":["zh-CN"]}}""".formatted(ID));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        keycloak = Keycloak.at(URI.create("http://localhost:" + server.getAddress().getPort())).realm("community")
                .administrator("master", "admin", "secret");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void settingTheScopeWritesTheWholeUserBackWithOnlyOrgUnitsChanged() throws Exception {
        assertThat(keycloak.orgUnits("secretary")).isEmpty();
        keycloak.setOrgUnits("secretary", List.of("unit-jxy"));

        JsonNode user = Api.JSON.readTree(stored.get(ID));
        assertThat(user.path("attributes").path("org_units").get(0).asText()).isEqualTo("unit-jxy");
        assertThat(user.path("attributes").path("locale").get(0).asText()).as("other attributes kept").isEqualTo("zh-CN");
        assertThat(user.path("firstName").asText()).isEqualTo("社区书记 王芳");
        assertThat(keycloak.orgUnits("secretary")).containsExactly("unit-jxy");
        assertThat(keycloak.userId("secretary")).isEqualTo(ID);
        assertThat(calls).contains("POST /realms/master/protocol/openid-connect/token", "PUT /admin/realms/community/users/" + ID);
        assertThat(calls.stream().filter(c -> c.startsWith("POST /realms/master")).count()).as("one admin login").isEqualTo(1);
    }

    @Test
    void anExpiredAdminTokenIsRenewedOnce() {
        keycloak.orgUnits("secretary");
        adminTokenExpired = true;
        assertThat(keycloak.orgUnits("secretary")).isEmpty();
        assertThat(calls.stream().filter(c -> c.startsWith("POST /realms/master")).count()).isEqualTo(2);
    }

    @Test
    void anUnknownUserAndAWrongAdminPasswordAreNamed() {
        assertThatThrownBy(() -> keycloak.orgUnits("nobody")).hasMessageContaining("no user 'nobody'");
        Keycloak wrong = keycloak.administrator("master", "admin", "wrong");
        assertThatThrownBy(() -> wrong.orgUnits("secretary")).isInstanceOf(Keycloak.KeycloakException.class)
                .hasMessageContaining("refused the administrator 'admin'");
    }

    @Test
    void usersLogInWithThePasswordGrantOfThePublicClient() {
        Keycloak.Tokens tokens = keycloak.login("secretary", "demo-secretary");
        assertThat(tokens.accessToken()).isEqualTo("user-token");
        assertThat(tokens.refreshToken()).isEqualTo("refresh");
        assertThat(calls).contains("POST /realms/community/protocol/openid-connect/token");
        assertThat(keycloak.issuer()).endsWith("/realms/community");
        assertThat(keycloak.jwksUrl()).endsWith("/realms/community/protocol/openid-connect/certs");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        calls.add(method + " " + path);
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (path.equals("/realms/master/protocol/openid-connect/token")) {
            if (!body.contains("client_id=admin-cli") || !body.contains("password=secret")) {
                send(exchange, 401, "{\"error\":\"invalid_grant\"}");
                return;
            }
            adminTokenExpired = false;
            send(exchange, 200, "{\"access_token\":\"admin-token\",\"expires_in\":60}");
        } else if (path.equals("/realms/community/protocol/openid-connect/token")) {
            boolean ok = body.contains("grant_type=password") && body.contains("client_id=community-web") && body.contains("username=secretary");
            send(exchange, ok ? 200 : 401, ok ? "{\"access_token\":\"user-token\",\"refresh_token\":\"refresh\",\"expires_in\":3600}"
                    : "{\"error\":\"invalid_grant\"}");
        } else if (!"Bearer admin-token".equals(auth) || adminTokenExpired) {
            send(exchange, 401, "");
        } else if (method.equals("GET") && path.equals("/admin/realms/community/users")) {
            String query = exchange.getRequestURI().getQuery();
            send(exchange, 200, query.contains("username=secretary") ? "[" + stored.get(ID) + "]" : "[]");
        } else if (method.equals("GET") && path.equals("/admin/realms/community/users/" + ID)) {
            send(exchange, 200, stored.get(ID));
        } else if (method.equals("PUT") && path.equals("/admin/realms/community/users/" + ID)) {
            stored.put(ID, body);
            send(exchange, 204, "");
        } else {
            send(exchange, 404, "{\"error\":\"not found\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0 && status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
