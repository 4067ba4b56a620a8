package org.community.conventions.orgfeed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.community.conventions.testing.orgfeed.FakeOrgFeed;
import org.community.conventions.testing.orgfeed.FakeOrgFeed.Unit;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A stand-in org-service serving nothing but the change feed (and the token endpoint) over a small tree. */
public class FeedServer implements QuarkusTestResourceLifecycleManager {

    public static final UUID CITY = id("CITY");
    public static final UUID STREET = id("STREET");
    public static final UUID COMMUNITY_A = id("COMMUNITY_A");
    public static final UUID GRID_A = id("GRID_A");
    public static final UUID BUILDING_A = id("BUILDING_A");
    public static final UUID COMMUNITY_B = id("COMMUNITY_B");

    private HttpServer server;

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("feed-server:" + name).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        FakeOrgFeed.install(server, "conventions-test", FakeOrgFeed.Tree.of(List.of(
                new Unit(CITY, "合肥市", "CITY", null, "ACTIVE"),
                new Unit(STREET, "滨湖世纪街道", "STREET", CITY, "ACTIVE"),
                new Unit(COMMUNITY_A, "滨湖世纪社区", "COMMUNITY", STREET, "ACTIVE"),
                new Unit(GRID_A, "第一网格", "GRID", COMMUNITY_A, "ACTIVE"),
                new Unit(BUILDING_A, "文康苑 3 栋", "BUILDING", GRID_A, "ACTIVE"),
                new Unit(COMMUNITY_B, "江欣苑社区", "COMMUNITY", STREET, "ACTIVE"))), () -> false);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        String url = "http://localhost:" + server.getAddress().getPort();
        return Map.of("org-feed.url", url, "org-feed.token-url", url + "/api/v1/auth/oauth2/token", "org-feed.client-id", "conventions-test");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
