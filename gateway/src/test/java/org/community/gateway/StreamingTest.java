package org.community.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.CRC32;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * 200 MB each way through the proxy in a JVM with a 256 MB heap (surefire argLine) that also holds the
 * gateway, the fake services and this client: it only passes if no body is held whole anywhere.
 */
@QuarkusTest
@QuarkusTestResource(FakeDownstreams.class)
class StreamingTest {

    @TestHTTPResource("/")
    URI gateway;

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void streamsALargeUploadIncrementally() throws Exception {
        String token = Tokens.gridWorker();
        GeneratedBody body = new GeneratedBody(FakeDownstreams.BIG);
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonObject seen = new JsonObject(response.body());
        assertEquals(FakeDownstreams.BIG, seen.getLong("bytes"));
        assertEquals(body.crc.getValue(), seen.getLong("crc"));
        assertTrue(seen.getLong("chunks") > 100, "arrived in " + seen.getLong("chunks") + " chunks");
        // the service had the first bytes long before the client had produced the last one
        assertTrue(seen.getLong("firstByteAt") < body.finishedAt,
                "first byte upstream " + (body.finishedAt - seen.getLong("firstByteAt")) / 1_000_000 + " ms before the client finished");
    }

    @Test
    void streamsALargeDownloadIncrementally() throws Exception {
        String token = Tokens.gridWorker();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/imports/download?size=" + FakeDownstreams.BIG))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        CRC32 crc = new CRC32();
        CRC32 expected = new CRC32();
        long total = 0;
        long firstByteAt = 0;
        byte[] buffer = new byte[64 * 1024];
        byte[] pattern = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (firstByteAt == 0) {
                    firstByteAt = System.nanoTime();
                }
                crc.update(buffer, 0, n);
                for (int k = 0; k < n; k++) {
                    pattern[k] = FakeDownstreams.Pattern.at(total + k);
                }
                expected.update(pattern, 0, n);
                total += n;
            }
        }
        assertEquals(FakeDownstreams.BIG, total);
        assertEquals(expected.getValue(), crc.getValue());
        String org = ConfigProvider.getConfig().getValue("gateway.routes.org-service.url", String.class);
        HttpResponse<String> stats = client.send(HttpRequest.newBuilder(URI.create(org + "/api/v1/imports/download-stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        long doneAt = new JsonObject(stats.body()).getLong("doneAt");
        assertTrue(doneAt > 0 && firstByteAt < doneAt, "the client read before the service had written everything");
    }

    /** Deterministic bytes produced on demand; remembers their checksum and when the last one was produced. */
    static final class GeneratedBody extends InputStream {
        final CRC32 crc = new CRC32();
        final long size;
        long position;
        volatile long finishedAt = Long.MAX_VALUE;

        GeneratedBody(long size) {
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                if (finishedAt == Long.MAX_VALUE) {
                    finishedAt = System.nanoTime();
                }
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int k = 0; k < n; k++) {
                b[off + k] = FakeDownstreams.Pattern.at(position + k);
            }
            crc.update(b, off, n);
            position += n;
            return n;
        }
    }
}
