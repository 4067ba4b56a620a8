package org.community.consultation.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.community.conventions.testing.orgfeed.FakeOrgFeed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for org-service and volunteer-service with a real HTTP server on a free port, serving the
 * contracts this service codes against. Tests can switch either side "down" (it then answers 503).
 */
public class Downstreams implements QuarkusTestResourceLifecycleManager {

    public static final UUID CITY = UUID.fromString("00000000-0000-7000-8000-000000000001");
    public static final UUID COMMUNITY = UUID.fromString("00000000-0000-7000-8000-000000000002");
    public static final UUID COMPOUND = UUID.fromString("00000000-0000-7000-8000-000000000003");
    public static final UUID BUILDING = UUID.fromString("00000000-0000-7000-8000-000000000004");
    public static final UUID OTHER_COMPOUND = UUID.fromString("00000000-0000-7000-8000-000000000005");
    public static final UUID DISSOLVED = UUID.fromString("00000000-0000-7000-8000-000000000006");

    // two communities A and B in two districts, for the authorization matrix: district → street → community → grid → compound → building
    public static final UUID DISTRICT_A = UUID.fromString("00000000-0000-7000-8000-00000000a001");
    public static final UUID STREET_A = UUID.fromString("00000000-0000-7000-8000-00000000a002");
    public static final UUID COMMUNITY_A = UUID.fromString("00000000-0000-7000-8000-00000000a003");
    public static final UUID GRID_A = UUID.fromString("00000000-0000-7000-8000-00000000a004");
    public static final UUID COMPOUND_A = UUID.fromString("00000000-0000-7000-8000-00000000a005");
    public static final UUID BUILDING_A = UUID.fromString("00000000-0000-7000-8000-00000000a006");
    public static final UUID DISTRICT_B = UUID.fromString("00000000-0000-7000-8000-00000000b001");
    public static final UUID STREET_B = UUID.fromString("00000000-0000-7000-8000-00000000b002");
    public static final UUID COMMUNITY_B = UUID.fromString("00000000-0000-7000-8000-00000000b003");
    public static final UUID GRID_B = UUID.fromString("00000000-0000-7000-8000-00000000b004");
    public static final UUID COMPOUND_B = UUID.fromString("00000000-0000-7000-8000-00000000b005");
    public static final UUID BUILDING_B = UUID.fromString("00000000-0000-7000-8000-00000000b006");

    /** A unit org-service refuses to show the caller (403), and a team volunteer-service refuses the caller projects for. */
    public static final UUID REFUSED_UNIT = UUID.fromString("00000000-0000-7000-8000-000000000403");
    public static final UUID REFUSED_TEAM = UUID.fromString("00000000-0000-7000-8000-000000001403");
    /** A unit org-service answers 400 for: a request it judges wrong, not org-service being down. */
    public static final UUID BAD_REQUEST_UNIT = UUID.fromString("00000000-0000-7000-8000-000000000400");

    record Unit(UUID id, String name, String level, String status, UUID parentId) {
    }

    static final Map<UUID, Unit> UNITS = Map.ofEntries(
            Map.entry(CITY, new Unit(CITY, "扬州市", "CITY", "ACTIVE", null)),
            Map.entry(COMMUNITY, new Unit(COMMUNITY, "文昌花园社区", "COMMUNITY", "ACTIVE", CITY)),
            Map.entry(COMPOUND, new Unit(COMPOUND, "文康苑小区", "COMPOUND", "ACTIVE", COMMUNITY)),
            Map.entry(BUILDING, new Unit(BUILDING, "文康苑 3 栋", "BUILDING", "ACTIVE", COMPOUND)),
            Map.entry(OTHER_COMPOUND, new Unit(OTHER_COMPOUND, "裕园小区", "COMPOUND", "ACTIVE", COMMUNITY)),
            Map.entry(DISSOLVED, new Unit(DISSOLVED, "旧楼", "BUILDING", "DISSOLVED", COMPOUND)),
            Map.entry(DISTRICT_A, new Unit(DISTRICT_A, "邗江区", "DISTRICT", "ACTIVE", CITY)),
            Map.entry(STREET_A, new Unit(STREET_A, "蒋王街道", "STREET", "ACTIVE", DISTRICT_A)),
            Map.entry(COMMUNITY_A, new Unit(COMMUNITY_A, "A 社区", "COMMUNITY", "ACTIVE", STREET_A)),
            Map.entry(GRID_A, new Unit(GRID_A, "A 第一网格", "GRID", "ACTIVE", COMMUNITY_A)),
            Map.entry(COMPOUND_A, new Unit(COMPOUND_A, "A 小区", "COMPOUND", "ACTIVE", GRID_A)),
            Map.entry(BUILDING_A, new Unit(BUILDING_A, "A 小区 1 栋", "BUILDING", "ACTIVE", COMPOUND_A)),
            Map.entry(DISTRICT_B, new Unit(DISTRICT_B, "广陵区", "DISTRICT", "ACTIVE", CITY)),
            Map.entry(STREET_B, new Unit(STREET_B, "湾头街道", "STREET", "ACTIVE", DISTRICT_B)),
            Map.entry(COMMUNITY_B, new Unit(COMMUNITY_B, "B 社区", "COMMUNITY", "ACTIVE", STREET_B)),
            Map.entry(GRID_B, new Unit(GRID_B, "B 第一网格", "GRID", "ACTIVE", COMMUNITY_B)),
            Map.entry(COMPOUND_B, new Unit(COMPOUND_B, "B 小区", "COMPOUND", "ACTIVE", GRID_B)),
            Map.entry(BUILDING_B, new Unit(BUILDING_B, "B 小区 1 栋", "BUILDING", "ACTIVE", COMPOUND_B)));

    /** The Authorization header of the last call to each downstream: this service passes the caller's token on. */
    public static volatile String lastOrgAuthorization;
    public static volatile String lastVolunteerAuthorization;

    public static volatile boolean orgDown;
    /** How long org-service takes to answer a unit, to hold calls in flight. */
    public static volatile long orgDelayMillis;
    /** Requests for a unit itself (not its ancestors) that reached org-service. */
    public static final AtomicInteger ORG_UNIT_REQUESTS = new AtomicInteger();
    public static volatile boolean volunteerDown;
    public static final Map<String, String> PROJECT_STATUS = new ConcurrentHashMap<>();
    public static final Map<String, String> PROJECTS_BY_KEY = new ConcurrentHashMap<>();
    public static final UUID TEAM = UUID.randomUUID();
    public static final List<String> PROJECT_BODIES = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/api/v1/org-units/", this::org);
        server.createContext("/api/v1/projects", this::projects);
        // the feed's tree starts as this one and then follows the tests' moves, renames and dissolutions (the unit
        // lookups above keep answering the tree as it was)
        FakeOrgFeed.install(server, "consultation-service", FakeOrgFeed.Tree.of(UNITS.values().stream()
                .map(u -> new FakeOrgFeed.Unit(u.id(), u.name(), u.level(), u.parentId(), u.status())).toList()), () -> orgDown);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.org-service.url", url, "quarkus.rest-client.volunteer-service.url", url, "org-feed.url", url,
                "org-feed.token-url", url + "/api/v1/auth/oauth2/token");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void org(HttpExchange exchange) throws IOException {
        lastOrgAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (orgDown) {
            send(exchange, 503, "{\"status\":503}");
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().substring("/api/v1/org-units/".length()).split("/");
        if (parts.length == 1) {
            ORG_UNIT_REQUESTS.incrementAndGet();
            if (orgDelayMillis > 0) {
                try {
                    Thread.sleep(orgDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (parts[0].equals(BAD_REQUEST_UNIT.toString())) {
            send(exchange, 400, "{\"type\":\"urn:community-suite:problem:validation\",\"status\":400}");
            return;
        }
        if (parts[0].equals(REFUSED_UNIT.toString())) {
            send(exchange, 403, "{\"type\":\"urn:community-suite:problem:forbidden\",\"status\":403}");
            return;
        }
        Unit unit;
        try {
            unit = UNITS.get(UUID.fromString(parts[0]));
        } catch (IllegalArgumentException e) {
            unit = null;
        }
        if (unit == null) {
            send(exchange, 404, "{\"type\":\"urn:community-suite:problem:not-found\",\"status\":404}");
            return;
        }
        if (parts.length > 1 && parts[1].equals("ancestors")) {
            StringBuilder json = new StringBuilder();
            for (Unit u = unit.parentId() == null ? null : UNITS.get(unit.parentId()); u != null; u = u.parentId() == null ? null
                    : UNITS.get(u.parentId())) {
                json.insert(0, (json.length() == 0 ? "" : ",")).insert(0, json(u));
            }
            send(exchange, 200, "[" + json + "]");
            return;
        }
        send(exchange, 200, json(unit));
    }

    private static String json(Unit u) {
        return "{\"id\":\"" + u.id() + "\",\"code\":\"C" + u.id().toString().substring(30) + "\",\"name\":\"" + u.name() + "\",\"level\":\""
                + u.level() + "\",\"form\":\"BRANCH\",\"status\":\"" + u.status() + "\"" + (u.parentId() == null ? "" : ",\"parentId\":\""
                        + u.parentId() + "\"") + ",\"depth\":1}";
    }

    private void projects(HttpExchange exchange) throws IOException {
        lastVolunteerAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (volunteerDown) {
            send(exchange, 503, "{\"status\":503}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod())) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key == null || !body.contains("\"name\"") || !body.contains("\"teamId\"") || !body.contains("\"kind\"")) {
                send(exchange, 422, "{\"status\":422}");
                return;
            }
            if (body.contains(REFUSED_TEAM.toString())) {
                send(exchange, 403, "{\"status\":403}");
                return;
            }
            PROJECT_BODIES.add(body);
            String id = PROJECTS_BY_KEY.computeIfAbsent(key, k -> "proj-" + NEXT.incrementAndGet());
            PROJECT_STATUS.putIfAbsent(id, "PLANNED");
            send(exchange, 201, "{\"id\":\"" + id + "\",\"status\":\"" + PROJECT_STATUS.get(id) + "\",\"name\":\"t\"}");
            return;
        }
        String id = path.substring(path.lastIndexOf('/') + 1);
        String status = PROJECT_STATUS.get(id);
        if (status == null) {
            send(exchange, 404, "{\"status\":404}");
            return;
        }
        send(exchange, 200, "{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
