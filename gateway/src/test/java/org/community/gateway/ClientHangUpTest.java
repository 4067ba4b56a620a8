package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Callers on poor networks hang up all the time. Their cancellations must neither open the circuit for
 * everyone else nor fill the log with stack traces.
 */
@QuarkusTest
@QuarkusTestResource(FakeDownstreams.class)
class ClientHangUpTest {

    @TestHTTPResource("/")
    java.net.URL base;

    String token;
    LogComplaints complaints;

    @BeforeEach
    void setUp() {
        token = Tokens.gridWorker();
        complaints = LogComplaints.listen();
    }

    @AfterEach
    void tearDown() {
        complaints.stop();
    }

    @Test
    void twelveCallersHangingUpDoNotTakeTheServiceOffline() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        for (int i = 0; i < 12; i++) {
            pool.submit(() -> sendAndHangUp("/api/v1/org-units/slow", 5));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100); // the resets reach the downstream exchanges
        given().auth().oauth2(token).get("/api/v1/org-units/42").then().statusCode(200);
    }

    @Test
    void aThousandHangUpsOverTenSecondsLeaveEveryNormalRequestAnswered() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 1000; i++) {
            pool.submit(() -> sendAndHangUp("/api/v1/org-units/slow", 2));
            if (i % 20 == 0) {
                statuses.add(given().auth().oauth2(token).get("/api/v1/org-units/42").statusCode());
            }
            long due = start + TimeUnit.MILLISECONDS.toNanos(10L * (i + 1));
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        statuses.add(given().auth().oauth2(token).get("/api/v1/org-units/42").statusCode());
        assertThat(statuses).hasSize(51).containsOnly(200);
        assertThat(complaints.messages()).as("warnings and stack traces logged").isEmpty();
    }

    @Test
    void callersHangingUpHalfWayThroughADownloadAreHandledQuietly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 200; i++) {
            pool.submit(() -> {
                try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                    socket.getOutputStream().write(("GET /api/v1/imports/download?size=20000000 HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    socket.getInputStream().readNBytes(64 * 1024);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        given().auth().oauth2(token).get("/api/v1/org-units/42").then().statusCode(200);
        assertThat(complaints.messages()).as("warnings and stack traces logged").isEmpty();
    }

    /** Sends a complete request and closes the connection after {@code millis}, before the answer. */
    private void sendAndHangUp(String path, int millis) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(millis);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
