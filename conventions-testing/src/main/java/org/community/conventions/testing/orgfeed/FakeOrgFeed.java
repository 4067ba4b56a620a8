package org.community.conventions.testing.orgfeed;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * org-service's change feed, snapshot and the gateway's client-credentials token endpoint, installed on a test's stand-in
 * org-service ({@link #install}) with the feed contract's JSON: {@code GET /api/v1/org-units/changes} (long-polling, 410
 * below the retained range), {@code GET /api/v1/org-units/snapshot}, {@code POST /api/v1/auth/oauth2/token} (the client
 * given to {@link #install}, secret {@link #SECRET}; answers an opaque SERVICE token the feed then requires; the feed answers 503
 * while the stand-in is down). Tests change the tree through {@code /feed-control/*} (move, rename, dissolve, purge) at
 * {@code org-feed.url}, each change appending its event like org-service's outbox.
 */
public final class FakeOrgFeed {

    public static final String SECRET = "feed-test-secret";

    private static final List<String> EVENTS = new ArrayList<>();
    private static long oldest = 1;
    private static final Map<UUID, String> KEYS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_KEY = new AtomicLong(1);
    private static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();
    private static final AtomicLong FEED_REQUESTS = new AtomicLong();
    private static final AtomicLong TOKENS_ISSUED = new AtomicLong();
    private static volatile Tree tree;
    private static volatile String clientId;
    private static volatile BooleanSupplier down = () -> false;
    private static volatile boolean switchedOff;

    /** A unit of the stand-in's tree. {@code status} is {@code DISSOLVED} for a dissolved unit. */
    public record Unit(UUID id, String name, String level, UUID parentId, String status) {
    }

    /** The stand-in org-service's tree, which the feed's changes change (so its other endpoints see them too). */
    public interface Tree {

        /** The unit, or null. */
        Unit get(UUID id);

        void put(Unit unit);

        Collection<UUID> ids();

        /** A tree of its own, starting with {@code units}. */
        static Tree of(Collection<Unit> units) {
            Map<UUID, Unit> map = new ConcurrentHashMap<>();
            units.forEach(unit -> map.put(unit.id(), unit));
            return new Tree() {
                @Override
                public Unit get(UUID id) {
                    return map.get(id);
                }

                @Override
                public void put(Unit unit) {
                    map.put(unit.id(), unit);
                }

                @Override
                public Collection<UUID> ids() {
                    return map.keySet();
                }
            };
        }
    }

    private FakeOrgFeed() {
    }

    /**
     * Serves the feed on {@code server} for the service account {@code client} (its secret is {@link #SECRET}), over
     * {@code units}; while {@code isDown} says so (or
     * after {@link #down()}), the feed and the snapshot answer 503 (the token endpoint, the gateway's,
     * keeps answering).
     */
    public static void install(HttpServer server, String client, Tree units, BooleanSupplier isDown) {
        tree = units;
        clientId = client;
        down = isDown;
        server.createContext("/api/v1/org-units/changes", FakeOrgFeed::changes);
        server.createContext("/api/v1/org-units/snapshot", FakeOrgFeed::snapshot);
        server.createContext("/api/v1/auth/oauth2/token", FakeOrgFeed::token);
        server.createContext("/feed-control/", FakeOrgFeed::control);
    }

    // ---- what tests call (over HTTP: the server lives in the test resource's class loader) ----

    public static long move(UUID unit, UUID newParent) {
        return Long.parseLong(control("move?id=" + unit + "&parent=" + newParent));
    }

    public static long rename(UUID unit, String name) {
        return Long.parseLong(control("rename?id=" + unit + "&name=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)));
    }

    public static long dissolve(UUID unit) {
        return Long.parseLong(control("dissolve?id=" + unit));
    }

    /** Announces a unit added to the stand-in's tree (org-unit.created). */
    public static long created(UUID unit) {
        return Long.parseLong(control("created?id=" + unit));
    }

    /** {@code times} pairs of changes: {@code unit} moved to {@code to} (even i) or {@code back}, {@code renamed} renamed {@code prefix + i}. */
    public static long shuttle(UUID unit, UUID to, UUID back, UUID renamed, String prefix, int times) {
        return Long.parseLong(control("shuttle?id=" + unit + "&to=" + to + "&back=" + back + "&renamed=" + renamed + "&prefix="
                + java.net.URLEncoder.encode(prefix, StandardCharsets.UTF_8) + "&times=" + times));
    }

    /**
     * {@code n} changes under {@code parent}, as a busy day of org-service would make them: every fourth creates a building,
     * the others rename one of those buildings. Answers the latest seq.
     */
    public static long churn(UUID parent, int n) {
        return Long.parseLong(control("churn?parent=" + parent + "&n=" + n));
    }

    /** Forgets the events up to {@code seq}, as retention would. */
    public static void purge(long seq) {
        control("purge?seq=" + seq);
    }

    /** org-service goes away: the feed and the snapshot answer 503 until {@link #up()}. */
    public static void down() {
        control("down");
    }

    public static void up() {
        control("up");
    }

    public static long latest() {
        return Long.parseLong(control("latest"));
    }

    public static long feedRequests() {
        return Long.parseLong(control("requests"));
    }

    public static long tokensIssued() {
        return Long.parseLong(control("tokens"));
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static String control(String command) {
        String base = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("org-feed.url", String.class);
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/feed-control/" + command))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("feed-control " + command + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the server side ----

    private static void control(HttpExchange exchange) throws IOException {
        String command = exchange.getRequestURI().getPath().substring("/feed-control/".length());
        Map<String, String> q = query(exchange);
        String answer;
        synchronized (FakeOrgFeed.class) {
            switch (command) {
                case "move" -> {
                    UUID id = UUID.fromString(q.get("id"));
                    String oldPath = keyPath(id);
                    Unit unit = tree.get(id);
                    tree.put(new Unit(id, unit.name(), unit.level(), UUID.fromString(q.get("parent")), unit.status()));
                    answer = String.valueOf(append("org-unit.moved", id, oldPath));
                }
                case "rename" -> {
                    UUID id = UUID.fromString(q.get("id"));
                    Unit unit = tree.get(id);
                    tree.put(new Unit(id, q.get("name"), unit.level(), unit.parentId(), unit.status()));
                    answer = String.valueOf(append("org-unit.renamed", id, keyPath(id)));
                }
                case "dissolve" -> {
                    UUID id = UUID.fromString(q.get("id"));
                    Unit unit = tree.get(id);
                    tree.put(new Unit(id, unit.name(), unit.level(), unit.parentId(), "DISSOLVED"));
                    answer = String.valueOf(append("org-unit.dissolved", id, keyPath(id)));
                }
                case "created" -> {
                    UUID id = UUID.fromString(q.get("id"));
                    answer = String.valueOf(append("org-unit.created", id, keyPath(id)));
                }
                case "shuttle" -> {
                    UUID id = UUID.fromString(q.get("id"));
                    UUID renamed = UUID.fromString(q.get("renamed"));
                    for (int i = 0; i < Integer.parseInt(q.get("times")); i++) {
                        String oldPath = keyPath(id);
                        Unit unit = tree.get(id);
                        tree.put(new Unit(id, unit.name(), unit.level(), UUID.fromString(q.get(i % 2 == 0 ? "to" : "back")),
                                unit.status()));
                        append("org-unit.moved", id, oldPath);
                        Unit building = tree.get(renamed);
                        tree.put(new Unit(renamed, q.get("prefix") + i, building.level(), building.parentId(),
                                building.status()));
                        append("org-unit.renamed", renamed, keyPath(renamed));
                    }
                    answer = String.valueOf(EVENTS.size());
                }
                case "churn" -> {
                    UUID parent = UUID.fromString(q.get("parent"));
                    List<UUID> made = new ArrayList<>();
                    java.util.Random random = new java.util.Random(15);
                    for (int i = 0; i < Integer.parseInt(q.get("n")); i++) {
                        if (i % 4 == 0) {
                            UUID id = UUID.randomUUID();
                            tree.put(new Unit(id, "楼栋 " + i, "BUILDING", parent, "ACTIVE"));
                            made.add(id);
                            append("org-unit.created", id, keyPath(id));
                        } else {
                            UUID id = made.get(random.nextInt(made.size()));
                            Unit unit = tree.get(id);
                            tree.put(new Unit(id, "楼栋 " + i, unit.level(), unit.parentId(), unit.status()));
                            append("org-unit.renamed", id, keyPath(id));
                        }
                    }
                    answer = String.valueOf(EVENTS.size());
                }
                case "purge" -> {
                    oldest = Long.parseLong(q.get("seq")) + 1;
                    answer = "";
                }
                case "down", "up" -> {
                    switchedOff = "down".equals(command);
                    answer = "";
                }
                case "latest" -> answer = String.valueOf(EVENTS.size());
                case "requests" -> answer = String.valueOf(FEED_REQUESTS.get());
                case "tokens" -> answer = String.valueOf(TOKENS_ISSUED.get());
                default -> answer = null;
            }
        }
        if (answer == null) {
            send(exchange, 404, "text/plain", "unknown command " + command);
        } else {
            send(exchange, 200, "text/plain", answer);
        }
    }

    private static long append(String type, UUID id, String oldPath) {
        long seq = EVENTS.size() + 1;
        String data = unitJson(id, oldPath);
        EVENTS.add("{\"specversion\":\"1.0\",\"id\":\"" + seq + "\",\"seq\":" + seq + ",\"source\":\"/org-service/org-units\",\"type\":\""
                + type + "\",\"subject\":\"" + id + "\",\"time\":\"" + Instant.now() + "\",\"data\":" + data + "}");
        FakeOrgFeed.class.notifyAll();
        return seq;
    }

    private static void changes(HttpExchange exchange) throws IOException {
        FEED_REQUESTS.incrementAndGet();
        if (!answers(exchange)) {
            return;
        }
        Map<String, String> q = query(exchange);
        long after = Long.parseLong(q.getOrDefault("after", "0"));
        int limit = Integer.parseInt(q.getOrDefault("limit", "500"));
        long wait = Long.parseLong(q.getOrDefault("wait", "0"));
        StringBuilder json = new StringBuilder("{\"items\":[");
        synchronized (FakeOrgFeed.class) {
            if (after < oldest - 1) {
                send(exchange, 410, "application/problem+json", "{\"type\":\"https://community.example/problems/changes-expired\","
                        + "\"title\":\"Gone\",\"status\":410,\"detail\":\"events after " + after + " were purged; oldest is " + oldest + "\"}");
                return;
            }
            long deadline = System.currentTimeMillis() + wait * 1000;
            while (EVENTS.size() <= after && System.currentTimeMillis() < deadline) {
                try {
                    FakeOrgFeed.class.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    break;
                }
            }
            long next = after;
            for (long seq = after + 1; seq <= EVENTS.size() && seq <= after + limit; seq++) {
                json.append(seq == after + 1 ? "" : ",").append(EVENTS.get((int) seq - 1));
                next = seq;
            }
            json.append("],\"next\":").append(next).append(",\"latest\":").append(EVENTS.size()).append(",\"oldest\":")
                    .append(EVENTS.isEmpty() ? 0 : oldest).append('}');
        }
        send(exchange, 200, "application/json", json.toString());
    }

    private static void snapshot(HttpExchange exchange) throws IOException {
        if (!answers(exchange)) {
            return;
        }
        Map<String, String> q = query(exchange);
        int limit = Integer.parseInt(q.getOrDefault("limit", "1000"));
        String afterId = q.get("afterId");
        StringBuilder json = new StringBuilder("{\"items\":[");
        synchronized (FakeOrgFeed.class) {
            List<UUID> ids = new ArrayList<>(tree.ids());
            ids.sort(null);
            int count = 0;
            UUID last = null;
            boolean more = false;
            for (UUID id : ids) {
                if (afterId != null && id.compareTo(UUID.fromString(afterId)) <= 0) {
                    continue;
                }
                if (count == limit) {
                    more = true;
                    break;
                }
                json.append(count == 0 ? "" : ",").append(unitJson(id, null));
                count++;
                last = id;
            }
            json.append("],\"asOf\":").append(EVENTS.size()).append(",\"nextAfterId\":").append(more ? "\"" + last + "\"" : "null").append('}');
        }
        send(exchange, 200, "application/json", json.toString());
    }

    private static void token(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!expected.equals(authorization) || !body.contains("grant_type=client_credentials")) {
            send(exchange, 401, "application/json", "{\"error\":\"invalid_client\",\"error_description\":\"unknown client or wrong secret\"}");
            return;
        }
        String token = "svc-" + UUID.randomUUID();
        TOKENS.add(token);
        TOKENS_ISSUED.incrementAndGet();
        send(exchange, 200, "application/json", "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    /** False, the answer sent, when the stand-in is down (503) or the caller has no token of ours (401). */
    private static boolean answers(HttpExchange exchange) throws IOException {
        if (switchedOff || down.getAsBoolean()) {
            send(exchange, 503, "application/problem+json", "{\"status\":503}");
            return false;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ") || !TOKENS.contains(authorization.substring(7))) {
            send(exchange, 401, "application/problem+json", "{\"type\":\"urn:community-suite:problem:unauthorized\",\"status\":401}");
            return false;
        }
        return true;
    }

    // ---- the tree as the feed describes it: org-service's key paths ----

    private static String key(UUID id) {
        return KEYS.computeIfAbsent(id, unused -> Long.toString(NEXT_KEY.getAndIncrement(), 36));
    }

    private static List<Unit> chain(UUID id) {
        List<Unit> chain = new ArrayList<>();
        for (Unit unit = tree.get(id); unit != null;
                unit = unit.parentId() == null ? null : tree.get(unit.parentId())) {
            chain.add(0, unit);
        }
        return chain;
    }

    private static String keyPath(UUID id) {
        StringBuilder path = new StringBuilder("/");
        chain(id).forEach(unit -> path.append(key(unit.id())).append('/'));
        return path.toString();
    }

    private static String unitJson(UUID id, String oldPath) {
        List<Unit> chain = chain(id);
        Unit unit = chain.get(chain.size() - 1);
        StringBuilder ancestors = new StringBuilder("[");
        StringBuilder path = new StringBuilder("/");
        String community = null;
        for (int i = 0; i < chain.size(); i++) {
            path.append(key(chain.get(i).id())).append('/');
            if ("COMMUNITY".equals(chain.get(i).level())) {
                community = path.toString();
            }
            if (i < chain.size() - 1) {
                ancestors.append(i == 0 ? "" : ",").append('"').append(chain.get(i).id()).append('"');
            }
        }
        ancestors.append(']');
        return "{\"unitId\":\"" + id + "\",\"parentId\":" + (unit.parentId() == null ? "null" : "\"" + unit.parentId() + "\"")
                + ",\"code\":\"C" + key(id) + "\",\"name\":\"" + unit.name() + "\",\"level\":\"" + unit.level() + "\",\"form\":null,"
                + "\"dissolved\":" + "DISSOLVED".equals(unit.status()) + ",\"ancestorIds\":" + ancestors + ",\"path\":\"" + path + "\""
                + (oldPath == null ? "" : ",\"oldPath\":\"" + oldPath + "\"") + ",\"communityPath\":"
                + (community == null ? "null" : "\"" + community + "\"") + "}";
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> q = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
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
