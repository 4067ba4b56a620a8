package org.community.volunteer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.community.conventions.testing.orgfeed.FakeOrgFeed;
import org.community.conventions.testing.orgfeed.FakeOrgFeed.Unit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP stand-in for org-service serving its two endpoints with the contract's shapes:
 * {@code GET /api/v1/org-units/{id}} and {@code GET /api/v1/org-units/{id}/ancestors}, 404 problem+json
 * for unknown ids, 401 without a bearer token (volunteer-service must pass the caller's token on). Tests add units and can take the server down and bring it back.
 */
public class FakeOrgService implements QuarkusTestResourceLifecycleManager {

    static final Map<UUID, Unit> UNITS = new ConcurrentHashMap<>();
    static volatile boolean down;
    /** Answered requests for a unit itself (not its ancestors): one per lookup volunteer-service makes. */
    static final java.util.concurrent.atomic.AtomicLong UNIT_REQUESTS = new java.util.concurrent.atomic.AtomicLong();
    static HttpServer server;

    // a small city: city → district → street → two communities, with a grid and a building in the first
    public static final UUID CITY = id("CITY");
    public static final UUID DISTRICT = id("DISTRICT");
    public static final UUID STREET = id("STREET");
    public static final UUID COMMUNITY_A = id("COMMUNITY_A");
    public static final UUID GRID_A = id("GRID_A");
    public static final UUID BUILDING_A = id("BUILDING_A");
    public static final UUID COMMUNITY_B = id("COMMUNITY_B");
    public static final UUID DISSOLVED = id("DISSOLVED");
    /** Ids org-service refuses to show the caller (403) and answers 400 for: its judgement of the request, not an outage. */
    public static final UUID REFUSED = id("REFUSED");
    public static final UUID BAD_REQUEST = id("BAD_REQUEST");

    static {
        add(new Unit(CITY, "合肥市", "CITY", null, "ACTIVE"));
        add(new Unit(DISTRICT, "包河区", "DISTRICT", CITY, "ACTIVE"));
        add(new Unit(STREET, "滨湖世纪街道", "STREET", DISTRICT, "ACTIVE"));
        add(new Unit(COMMUNITY_A, "滨湖世纪社区", "COMMUNITY", STREET, "ACTIVE"));
        add(new Unit(GRID_A, "第一网格", "GRID", COMMUNITY_A, "ACTIVE"));
        add(new Unit(BUILDING_A, "文康苑 3 栋", "BUILDING", GRID_A, "ACTIVE"));
        add(new Unit(COMMUNITY_B, "江欣苑社区", "COMMUNITY", STREET, "ACTIVE"));
        add(new Unit(DISSOLVED, "已撤销网格", "GRID", COMMUNITY_B, "DISSOLVED"));
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("fake-org:" + name).getBytes(StandardCharsets.UTF_8));
    }

    static void add(Unit unit) {
        UNITS.put(unit.id(), unit);
    }

    // The server runs in the class loader of the test resource, the tests in Quarkus's: they talk over HTTP,
    // through /control, like two processes.

    /** A new community under the street, for tests that need figures of their own. */
    public static UUID newCommunity(String name) {
        UUID id = UUID.randomUUID();
        control("add?id=" + id + "&level=COMMUNITY&parent=" + STREET + "&name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8));
        return id;
    }

    /** A new unit of any level under {@code parent}. */
    public static UUID newUnit(String name, String level, UUID parent) {
        UUID id = UUID.randomUUID();
        control("add?id=" + id + "&level=" + level + "&parent=" + parent + "&name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8));
        return id;
    }

    /** org-service crashes: every connection is dropped without an answer until {@link #up()}. */
    public static void down() {
        control("down");
    }

    public static void up() {
        control("up");
    }

    /** How many times volunteer-service has looked a unit up so far (GET /api/v1/org-units/{id}). */
    public static long lookups() {
        return Long.parseLong(control("lookups").trim());
    }

    private static String control(String command) {
        String base = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.rest-client.org-service.url", String.class);
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/control/" + command))
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204 && response.statusCode() != 200) {
                throw new IllegalStateException("control " + command + ": " + response.statusCode());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/org-units/", FakeOrgService::handle);
        server.createContext("/control/", FakeOrgService::handleControl);
        FakeOrgFeed.install(server, "volunteer-service", new FakeOrgFeed.Tree() {
            @Override
            public Unit get(UUID id) {
                return UNITS.get(id);
            }

            @Override
            public void put(Unit unit) {
                add(unit);
            }

            @Override
            public java.util.Collection<UUID> ids() {
                return UNITS.keySet();
            }
        }, () -> down);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        String url = "http://localhost:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.org-service.url", url, "org-feed.url", url, "org-feed.token-url", url + "/api/v1/auth/oauth2/token");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void handleControl(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/down")) {
            down = true;
        } else if (path.endsWith("/up")) {
            down = false;
        } else if (path.endsWith("/lookups")) {
            send(exchange, 200, "text/plain", String.valueOf(UNIT_REQUESTS.get()));
            return;
        } else if (path.endsWith("/add")) {
            Map<String, String> q = new java.util.HashMap<>();
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            add(new Unit(UUID.fromString(q.get("id")), q.get("name"), q.get("level"), UUID.fromString(q.get("parent")), "ACTIVE"));
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        if (down) {
            // a crashed server: the connection closes without an answer
            exchange.close();
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() < 20) {
            // org-service checks the caller's token too: volunteer-service must pass it on
            send(exchange, 401, "application/problem+json", "{\"type\":\"urn:community-suite:problem:unauthorized\",\"title\":\"未认证\","
                    + "\"status\":401}");
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().split("/");
        // /api/v1/org-units/{id}[/ancestors] → ["", "api", "v1", "org-units", id, ("ancestors")]
        UUID id;
        try {
            id = UUID.fromString(parts[4]);
        } catch (RuntimeException e) {
            id = null;
        }
        if (REFUSED.equals(id)) {
            UNIT_REQUESTS.incrementAndGet();
            send(exchange, 403, "application/problem+json", "{\"type\":\"urn:community-suite:problem:forbidden\",\"status\":403,"
                    + "\"detail\":\"无权查看该组织\"}");
            return;
        }
        if (BAD_REQUEST.equals(id)) {
            UNIT_REQUESTS.incrementAndGet();
            send(exchange, 400, "application/problem+json", "{\"type\":\"urn:community-suite:problem:validation\",\"status\":400,"
                    + "\"detail\":\"请求参数不合法\"}");
            return;
        }
        Unit unit = id == null ? null : UNITS.get(id);
        if (unit == null) {
            send(exchange, 404, "application/problem+json", "{\"type\":\"urn:community-suite:problem:not-found\",\"title\":\"资源不存在\","
                    + "\"status\":404,\"detail\":\"组织 " + parts[4] + " 不存在\",\"instance\":\"" + exchange.getRequestURI().getPath() + "\"}");
            return;
        }
        if (parts.length > 5 && "ancestors".equals(parts[5])) {
            List<Unit> chain = new ArrayList<>();
            for (Unit up = unit.parentId() == null ? null : UNITS.get(unit.parentId()); up != null;
                    up = up.parentId() == null ? null : UNITS.get(up.parentId())) {
                chain.add(0, up);
            }
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < chain.size(); i++) {
                json.append(i == 0 ? "" : ",").append(json(chain.get(i), i + 1));
            }
            send(exchange, 200, "application/json", json.append(']').toString());
            return;
        }
        UNIT_REQUESTS.incrementAndGet();
        int depth = 1;
        for (Unit up = unit; up.parentId() != null; up = UNITS.get(up.parentId())) {
            depth++;
        }
        send(exchange, 200, "application/json", json(unit, depth));
    }

    private static String json(Unit unit, int depth) {
        return "{\"id\":\"" + unit.id() + "\",\"code\":\"C" + Math.abs(unit.id().hashCode()) + "\",\"name\":\"" + unit.name()
                + "\",\"level\":\"" + unit.level() + "\",\"form\":\"BRANCH\",\"status\":\"" + unit.status() + "\",\"parentId\":"
                + (unit.parentId() == null ? "null" : "\"" + unit.parentId() + "\"") + ",\"depth\":" + depth + ",\"version\":1}";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
