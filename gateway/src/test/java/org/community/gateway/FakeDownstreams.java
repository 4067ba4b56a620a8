package org.community.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Three small real HTTP servers standing in for org-, volunteer- and consultation-service, plus a route
 * to a closed port (a dead service). They echo what reached them, stream large bodies both ways and serve
 * their own /q/openapi and /q/health/ready.
 */
public class FakeDownstreams implements QuarkusTestResourceLifecycleManager {

    /** Size of the generated bodies in the streaming test. */
    public static final long BIG = 200L * 1024 * 1024;

    private Vertx vertx;
    /** nanoTime at which the last byte of the last download was handed to the network (same JVM as the test). */
    private volatile long downloadDoneAt;
    private int breaks;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int org = serve(this::org);
        int volunteer = serve(request -> service(request, "volunteer-service", "/api/v1/volunteers", "Volunteer"));
        int consultation = serve(request -> service(request, "consultation-service", "/api/v1/topics", "Topic"));
        int flaky = serve(Flaky::serve);
        Map<String, String> config = new HashMap<>();
        config.put("gateway.routes.org-service.url", "http://127.0.0.1:" + org);
        config.put("gateway.routes.volunteer-service.url", "http://127.0.0.1:" + volunteer);
        config.put("gateway.routes.consultation-service.url", "http://127.0.0.1:" + consultation);
        config.put("gateway.routes.dead-service.url", "http://127.0.0.1:" + closedPort());
        config.put("gateway.routes.dead-service.resources", "dead-things");
        config.put("gateway.routes.flaky-service.url", "http://127.0.0.1:" + flaky);
        config.put("gateway.routes.flaky-service.resources", "flaky-things");
        config.put("gateway.routes.org-service.max-body-size", "1G");
        // small bodies keep the limit tests inside the test JVM's small heap
        config.put("gateway.limits.max-body-size", "1M");
        config.put("gateway.proxy.read-timeout", "1s");
        config.put("gateway.openapi.cache-ttl", "1s");
        // the fakes answer at once; a loaded build machine must not make their documents "missing"
        config.put("gateway.openapi.fetch-timeout", "30s");
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private int serve(io.vertx.core.Handler<HttpServerRequest> handler) {
        HttpServer server = vertx.createHttpServer().requestHandler(handler);
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void org(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/api/v1/imports") && request.method().name().equals("POST")) {
            upload(request);
        } else if (path.equals("/api/v1/imports/download")) {
            download(request, Long.parseLong(request.getParam("size")));
        } else if (path.equals("/api/v1/imports/download-stats")) {
            json(request.response(), 200, new JsonObject().put("doneAt", downloadDoneAt));
        } else if (path.equals("/api/v1/org-units/slow")) {
            vertx.setTimer(3000, id -> json(request.response(), 200, new JsonObject().put("late", true)));
        } else if (path.equals("/api/v1/org-units/created")) {
            // as JAX-RS builds it: from the address the service was called at
            String self = "http://" + request.getHeader("Host") + "/api/v1/org-units/99";
            request.response().setStatusCode(201).putHeader("Location", self).putHeader("Content-Location", self)
                    .putHeader("Link", "<https://example.org/docs>; rel=help").end();
        } else if (path.equals("/api/v1/org-units/elsewhere")) {
            request.response().setStatusCode(303).putHeader("Location", "https://example.org/api/v1/x").end();
        } else if (path.equals("/api/v1/org-units/break")) {
            // odd calls lose the connection before any answer, even calls succeed
            if (++breaks % 2 == 1) {
                request.connection().close();
            } else {
                service(request, "org-service", "/api/v1/org-units/{id}", "OrgUnit");
            }
        } else {
            service(request, "org-service", "/api/v1/org-units/{id}", "OrgUnit");
        }
    }

    /** Counts and checksums the body as it arrives; answers with what it saw. */
    private void upload(HttpServerRequest request) {
        CRC32 crc = new CRC32();
        long[] seen = new long[3]; // bytes, chunks, first byte at
        request.handler(chunk -> {
            if (seen[1] == 0) {
                seen[2] = System.nanoTime();
            }
            seen[0] += chunk.length();
            seen[1]++;
            crc.update(chunk.getBytes());
        });
        request.endHandler(v -> json(request.response(), 200, new JsonObject()
                .put("bytes", seen[0]).put("chunks", seen[1]).put("firstByteAt", seen[2]).put("crc", crc.getValue())
                .put("endAt", System.nanoTime())));
    }

    /** Streams {@code size} generated bytes with back-pressure. */
    private void download(HttpServerRequest request, long size) {
        HttpServerResponse response = request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
        long[] sent = { 0 };
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (sent[0] < size && !response.writeQueueFull()) {
                int n = (int) Math.min(64 * 1024, size - sent[0]);
                response.write(Buffer.buffer(Pattern.bytes(sent[0], n)));
                sent[0] += n;
            }
            if (sent[0] >= size) {
                response.end().onComplete(v -> downloadDoneAt = System.nanoTime());
            } else {
                response.drainHandler(v -> pump[0].run());
            }
        };
        pump[0].run();
    }

    private static void service(HttpServerRequest request, String name, String path, String schema) {
        switch (request.path()) {
            case "/q/openapi" -> json(request.response(), 200, openApi(name, path, schema));
            case "/q/health/ready" -> json(request.response(), 200, new JsonObject().put("status", "UP"));
            default -> request.body().onSuccess(body -> {
                JsonObject headers = new JsonObject();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                json(request.response().putHeader("ETag", "\"7\""), 200, new JsonObject()
                        .put("service", name)
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("headers", headers)
                        .put("bodyLength", body.length()));
            });
        }
    }

    /** A small document: one path, a Problem schema that differs per service, and the service's own schema. */
    static JsonObject openApi(String name, String path, String schema) {
        JsonObject operation = new JsonObject()
                .put("summary", "read from " + name)
                .put("tags", new JsonArray().add(name))
                .put("responses", new JsonObject()
                        .put("200", new JsonObject().put("description", "ok").put("content", new JsonObject()
                                .put("application/json", new JsonObject().put("schema",
                                        new JsonObject().put("$ref", "#/components/schemas/" + schema)))))
                        .put("404", new JsonObject().put("description", "not found").put("content", new JsonObject()
                                .put("application/problem+json", new JsonObject().put("schema",
                                        new JsonObject().put("$ref", "#/components/schemas/Problem"))))));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", name).put("version", "1.0.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", name)))
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", operation)))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put("Problem", new JsonObject().put("type", "object").put("description", "problem of " + name))
                        .put(schema, new JsonObject().put("type", "object").put("properties",
                                new JsonObject().put("id", new JsonObject().put("type", "string"))))));
    }

    private static void json(HttpServerResponse response, int status, JsonObject body) {
        response.setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toBuffer());
    }

    /**
     * A downstream whose behaviour a test switches: every request is answered, refused at random intervals,
     * or cut off, and every request that reached it is counted.
     */
    public static final class Flaky {
        public enum Mode { OK, SLOW_OK, CUT_ONE_IN_THREE, CUT }

        public static volatile Mode mode = Mode.OK;
        public static final java.util.concurrent.atomic.AtomicInteger HITS = new java.util.concurrent.atomic.AtomicInteger();

        static void serve(HttpServerRequest request) {
            if (request.path().startsWith("/q/")) {
                service(request, "flaky-service", "/api/v1/flaky-things/{id}/actions", "FlakyThing");
                return;
            }
            int hit = HITS.incrementAndGet();
            switch (mode) {
                case OK -> json(request.response(), 200, new JsonObject().put("hit", hit));
                case SLOW_OK -> Vertx.currentContext().owner().setTimer(300,
                        id -> json(request.response(), 200, new JsonObject().put("hit", hit)));
                case CUT_ONE_IN_THREE -> {
                    if (hit % 3 == 0) {
                        request.connection().close();
                    } else {
                        json(request.response(), 200, new JsonObject().put("hit", hit));
                    }
                }
                case CUT -> request.connection().close();
            }
        }
    }

    /** The generated byte stream: byte at offset i. */
    public static final class Pattern {
        public static byte at(long i) {
            return (byte) ((i * 31 + (i >>> 13)) & 0xff);
        }

        static byte[] bytes(long offset, int n) {
            byte[] out = new byte[n];
            for (int k = 0; k < n; k++) {
                out[k] = at(offset + k);
            }
            return out;
        }
    }

}
