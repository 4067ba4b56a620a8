package org.community.consultation.benchmark;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.community.consultation.support.Api;
import org.community.consultation.support.Downstreams;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The vote of a 40,000-owner community (康城社区 scale): 500 concurrent voters cast every ballot over HTTP,
 * a share of them twice; then the tally's latency is measured at 40,000 ballots and the chain audited.
 * Not a test: run with {@code ./mvnw -B -f consultation-service/pom.xml verify -Pbenchmark}.
 */
@QuarkusTest
@QuarkusTestResource(Downstreams.class)
@Tag("benchmark")
class VoteBenchmark {

    static final int OWNERS = 40_000;
    /** Owners holding a second unit: the roll has OWNERS + MULTI units, the head count stays OWNERS. */
    static final int MULTI = 1_000;
    static final int VOTERS = 500;
    /** Every DUPLICATE_EVERY-th owner's ballot is sent twice at once; the second must be refused. */
    static final int DUPLICATE_EVERY = 50;
    static final int TALLY_READS = 3_000;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void fortyThousandOwnersVote() throws Exception {
        StringBuilder report = new StringBuilder();
        String topic = Api.topic("康城社区公共收益使用表决", "RENOVATION", Downstreams.COMMUNITY);
        Api.moveOk(topic, "JOINT_REVIEW");
        Api.moveOk(topic, "PUBLIC_DELIBERATION");
        String vote = Api.vote(topic, "COMMON_PARTS_USE", "OWNERS_MAJOR", 3_600, null);
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // the roll in one statement: owner i holds unit i; owners 1..MULTI also hold a second unit.
            // Areas 60.00–149.99 m² in 0.01 m², deterministic.
            s.executeUpdate("insert into elector (vote_id, unit_id, owner_key, owner_name, building, entrance, area)"
                    + " select '" + vote + "', 'U' || g, 'owner-' || g, '业主' || g, (g % 286 + 1)::text, (g % 4 + 1)::text, 6000 + (g * 7919) % 9000"
                    + " from generate_series(1, " + OWNERS + ") g");
            s.executeUpdate("insert into elector (vote_id, unit_id, owner_key, owner_name, building, entrance, area)"
                    + " select '" + vote + "', 'U2-' || g, 'owner-' || g, '业主' || g, (g % 286 + 1)::text, (g % 4 + 1)::text, 5000 + (g * 104729) % 5000"
                    + " from generate_series(1, " + MULTI + ") g");
        }
        Api.open(vote);
        JsonPath opened = given().get("/api/v1/votes/" + vote).then().extract().jsonPath();
        assertEquals(OWNERS, opened.getInt("totalOwners"));
        assertEquals(OWNERS + MULTI, opened.getInt("totalUnits"));
        line(report, "roll: %d owners, %d units, %s m² (loaded with generate_series and opened in %d ms)", OWNERS, OWNERS + MULTI,
                opened.getString("totalAreaM2"), (System.nanoTime() - t0) / 1_000_000);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(16)).build();
        URI ballots = URI.create("http://localhost:" + port + "/api/v1/votes/" + vote + "/ballots");
        AtomicInteger next = new AtomicInteger(1);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ConcurrentLinkedQueue<Long> castNanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService voters = Executors.newFixedThreadPool(VOTERS);
        CountDownLatch done = new CountDownLatch(VOTERS);
        ConcurrentLinkedQueue<Long> tallyUnderLoad = new ConcurrentLinkedQueue<>();
        AtomicLong castStart = new AtomicLong(System.nanoTime());
        for (int v = 0; v < VOTERS; v++) {
            voters.submit(() -> {
                try {
                    for (int owner = next.getAndIncrement(); owner <= OWNERS; owner = next.getAndIncrement()) {
                        String choice = owner % 10 < 8 ? "YES" : owner % 10 == 8 ? "NO" : "ABSTAIN";
                        String channel = owner % 25 == 0 ? ",\"channel\":\"PAPER\",\"evidenceRef\":\"纸票 " + owner + "\",\"enteredBy\":\"网格员\""
                                : owner % 31 == 0 ? ",\"channel\":\"PROXY\",\"proxyName\":\"代理人\",\"authorizationRef\":\"委托书 " + owner + "\"" : "";
                        String body = "{\"ownerKey\":\"owner-" + owner + "\",\"choice\":\"" + choice + "\"" + channel + "}";
                        HttpRequest request = HttpRequest.newBuilder(ballots).header("Content-Type", "application/json")
                                .header("Authorization", org.community.conventions.testing.DefaultToken.bearer())
                                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        int copies = owner % DUPLICATE_EVERY == 0 ? 2 : 1;
                        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
                        long start = System.nanoTime();
                        for (int i = 0; i < copies; i++) {
                            sent.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
                        }
                        for (var f : sent) {
                            HttpResponse<String> response = f.get(90, TimeUnit.SECONDS);
                            if (response.statusCode() == 201) {
                                created.incrementAndGet();
                            } else if (response.statusCode() == 409) {
                                refused.incrementAndGet();
                            } else {
                                other.incrementAndGet();
                                unexpected.add(response.statusCode() + " " + response.body());
                            }
                        }
                        castNanos.add(System.nanoTime() - start);
                        if (owner % 400 == 0) {
                            long ts = System.nanoTime();
                            given().get("/api/v1/votes/" + vote + "/tally").then().statusCode(200);
                            tallyUnderLoad.add(System.nanoTime() - ts);
                        }
                    }
                } catch (Exception e) {
                    unexpected.add(e.toString());
                } finally {
                    done.countDown();
                }
            });
        }
        assertTrue(done.await(9, TimeUnit.MINUTES), "casting did not finish in 9 minutes");
        long castMillis = (System.nanoTime() - castStart.get()) / 1_000_000;
        voters.shutdown();
        int duplicates = OWNERS / DUPLICATE_EVERY;
        line(report, "cast: %d ballots by %d concurrent voters over HTTP in %.1f s = %.0f ballots/s; %d duplicate sends refused with 409; other answers: %d",
                created.get(), VOTERS, castMillis / 1000.0, created.get() * 1000.0 / castMillis, refused.get(), other.get());
        long[] cast = sorted(castNanos);
        line(report, "cast latency per owner (incl. duplicate send): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", ms(cast, 50), ms(cast, 95),
                ms(cast, 99), ms(cast, 100));
        long[] loaded = sorted(tallyUnderLoad);
        line(report, "tally while 500 voters cast (%d reads): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", loaded.length, ms(loaded, 50),
                ms(loaded, 95), ms(loaded, 99), ms(loaded, 100));
        if (!unexpected.isEmpty()) {
            line(report, "first unexpected answers: %s", unexpected.stream().limit(5).toList());
        }

        // the tally at 40,000 ballots: sequential reads, then 8 concurrent readers
        HttpRequest tally = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/votes/" + vote + "/tally"))
                .header("Authorization", org.community.conventions.testing.DefaultToken.bearer()).GET().build();
        for (int i = 0; i < 200; i++) {
            http.send(tally, HttpResponse.BodyHandlers.ofString());
        }
        long[] seq = new long[TALLY_READS];
        String last = null;
        for (int i = 0; i < TALLY_READS; i++) {
            long ts = System.nanoTime();
            HttpResponse<String> response = http.send(tally, HttpResponse.BodyHandlers.ofString());
            seq[i] = System.nanoTime() - ts;
            assertEquals(200, response.statusCode());
            last = response.body();
        }
        Arrays.sort(seq);
        line(report, "tally at %d ballots, %d sequential reads over HTTP: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", created.get(),
                TALLY_READS, ms(seq, 50), ms(seq, 95), ms(seq, 99), ms(seq, 100));
        ConcurrentLinkedQueue<Long> parallel = new ConcurrentLinkedQueue<>();
        ExecutorService readers = Executors.newFixedThreadPool(8);
        for (int r = 0; r < 8; r++) {
            readers.submit(() -> {
                for (int i = 0; i < TALLY_READS / 8; i++) {
                    long ts = System.nanoTime();
                    http.send(tally, HttpResponse.BodyHandlers.ofString());
                    parallel.add(System.nanoTime() - ts);
                }
                return null;
            });
        }
        readers.shutdown();
        readers.awaitTermination(5, TimeUnit.MINUTES);
        long[] par = sorted(parallel);
        line(report, "tally at %d ballots, 8 concurrent readers (%d reads): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", created.get(),
                par.length, ms(par, 50), ms(par, 95), ms(par, 99), ms(par, 100));
        line(report, "tally body: %s", last);

        long ta = System.nanoTime();
        JsonPath audit = given().get("/api/v1/votes/" + vote + "/audit").then().statusCode(200).extract().jsonPath();
        line(report, "audit: %d ballots re-walked in %d ms, chainValid=%s, headMatches=%s, countersMatch=%s (running tally = full recount)",
                audit.getLong("ballots"), (System.nanoTime() - ta) / 1_000_000, audit.getBoolean("chainValid"), audit.getBoolean("headMatches"),
                audit.getBoolean("countersMatch"));
        String text = report.toString();
        System.out.println("\n==== consultation-service vote benchmark ====\n" + text + "=============================================\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benchmark.txt"), text);

        assertEquals(OWNERS, created.get(), "every owner's ballot counted once");
        assertEquals(duplicates, refused.get(), "every duplicate refused");
        assertEquals(0, other.get());
        assertTrue(audit.getBoolean("chainValid"));
        assertTrue(audit.getBoolean("countersMatch"));
        JsonPath tallyJson = JsonPath.from(last);
        assertEquals(OWNERS, tallyJson.getInt("participating.owners"));
    }

    private static void line(StringBuilder report, String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static long[] sorted(java.util.Collection<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private static double ms(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = percentile >= 100 ? sorted.length - 1 : (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
