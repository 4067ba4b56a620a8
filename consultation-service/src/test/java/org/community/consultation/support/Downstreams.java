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

    record Unit(UUID id, String name, String level, String status, UUID parentId) {
    }

    static final Map<UUID, Unit> UNITS = Map.of(
            CITY, new Unit(CITY, "扬州市", "CITY", "ACTIVE", null),
            COMMUNITY, new Unit(COMMUNITY, "文昌花园社区", "COMMUNITY", "ACTIVE", CITY),
            COMPOUND, new Unit(COMPOUND, "文康苑小区", "COMPOUND", "ACTIVE", COMMUNITY),
            BUILDING, new Unit(BUILDING, "文康苑 3 栋", "BUILDING", "ACTIVE", COMPOUND),
            OTHER_COMPOUND, new Unit(OTHER_COMPOUND, "裕园小区", "COMPOUND", "ACTIVE", COMMUNITY),
            DISSOLVED, new Unit(DISSOLVED, "旧楼", "BUILDING", "DISSOLVED", COMPOUND));

    public static volatile boolean orgDown;
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
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/v1/org-units/", this::org);
        server.createContext("/api/v1/projects", this::projects);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.org-service.url", url, "quarkus.rest-client.volunteer-service.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void org(HttpExchange exchange) throws IOException {
        if (orgDown) {
            send(exchange, 503, "{\"status\":503}");
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().substring("/api/v1/org-units/".length()).split("/");
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
