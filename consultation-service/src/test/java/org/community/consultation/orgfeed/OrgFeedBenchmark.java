package org.community.consultation.orgfeed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.community.consultation.support.Downstreams;
import org.community.conventions.db.Db;
import org.community.conventions.orgfeed.OrgFeedConsumer;
import org.community.conventions.testing.Tokens;
import org.community.conventions.testing.orgfeed.FakeOrgFeed;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * ./mvnw -B -f consultation-service/pom.xml verify -Pbenchmark -Dtest=OrgFeedBenchmark : the figures of BENCHMARK.md
 * "Following org-service's tree". Grid A (compound A, building A) holds 200 topics, each with a meeting and a vote of
 * 100 electors, 2,000 audit entries and compound A's ledger; the grid moves between communities A and B through the
 * stand-in org-service's feed, six times, while a reader reads a topic and the topic list of the grid. Then the consumer,
 * stopped, catches up on 100,000 events.
 */
@QuarkusTest
@QuarkusTestResource(Downstreams.class)
@TestProfile(OrgFeedBenchmark.Bench.class)
@Tag("benchmark")
class OrgFeedBenchmark {

    public static class Bench implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("org-feed.enabled", "true", "org-feed.client-secret", FakeOrgFeed.SECRET, "org-feed.batch-size", "1000",
                    "org-feed.wait", "20s");
        }
    }

    static final int TOPICS = 200;
    static final int MOVES = 6;
    static final int EVENTS = 100_000;

    @Inject
    OrgFeedConsumer consumer;

    @Inject
    Db db;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private void awaitApplied(long seq) {
        long deadline = System.currentTimeMillis() + 600_000;
        while (consumer.cursor() < seq) {
            assertTrue(System.currentTimeMillis() < deadline, "stuck at " + consumer.cursor() + ": " + consumer.lastError());
            Thread.onSpinWait();
        }
    }

    private String pathOf(UUID unit) {
        return db.one("select org_path from known_unit where id = ?", row -> row.getString(1), unit).orElseThrow();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void moveAGridWithTwoHundredTopicsAndCatchUp() throws Exception {
        awaitApplied(FakeOrgFeed.latest());
        seed();
        String admin = Tokens.cityAdmin();
        String someTopic = db.one("select id::text from topic limit 1", row -> row.getString(1)).orElseThrow();

        List<long[]> reads = new CopyOnWriteArrayList<>();
        AtomicLong failures = new AtomicLong();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            int i = 0;
            while (reading.get()) {
                long start = System.nanoTime();
                try {
                    int status = (i++ % 2 == 0 ? get("/api/v1/topics/" + someTopic, admin)
                            : get("/api/v1/topics?within=" + Downstreams.GRID_A + "&size=20", admin)).statusCode();
                    if (status != 200) {
                        failures.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
                reads.add(new long[] { start, System.nanoTime() });
            }
        });
        reader.start();
        Thread.sleep(500);

        List<Long> applied = new ArrayList<>();
        List<Long> answered = new ArrayList<>();
        List<long[]> windows = new ArrayList<>();
        UUID[] communities = { Downstreams.COMMUNITY_B, Downstreams.COMMUNITY_A };
        for (int m = 0; m < MOVES; m++) {
            UUID to = communities[m % 2];
            long start = System.nanoTime();
            long seq = FakeOrgFeed.move(Downstreams.GRID_A, to);
            awaitApplied(seq);
            long done = System.nanoTime();
            while (!get("/api/v1/topics?within=" + to + "&size=1", admin).body().contains("\"total\":" + TOPICS)) {
                Thread.onSpinWait();
            }
            long listed = System.nanoTime();
            applied.add((done - start) / 1_000_000);
            answered.add((listed - start) / 1_000_000);
            windows.add(new long[] { start, done });
            Thread.sleep(300);
        }
        reading.set(false);
        reader.join();
        assertEquals(TOPICS, db.count("select count(*) from topic where org_path >= ? and org_path < ?", pathOf(Downstreams.COMMUNITY_A),
                pathOf(Downstreams.COMMUNITY_A) + "~"));
        assertEquals(TOPICS, db.count("select count(*) from meeting where org_path >= ? and org_path < ?", pathOf(Downstreams.COMMUNITY_A),
                pathOf(Downstreams.COMMUNITY_A) + "~"));

        List<Long> during = new ArrayList<>();
        for (long[] read : reads) {
            for (long[] window : windows) {
                if (read[1] >= window[0] && read[0] <= window[1]) {
                    during.add((read[1] - read[0]) / 1_000);
                    break;
                }
            }
        }
        Collections.sort(during);
        Collections.sort(applied);
        Collections.sort(answered);
        System.out.printf("move of a grid with %d topics (+%d meetings, %d votes of 100 electors, %,d audit entries), %d times: applied ms %s;"
                + " answered (-> ?within=<new community> lists all) ms %s%n", TOPICS, TOPICS, TOPICS, TOPICS * 10, MOVES, applied, answered);
        System.out.printf("reads during the moves: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms; failed reads (whole run): %d of %d%n", during.size(),
                at(during, 0.50), at(during, 0.99), during.isEmpty() ? 0 : during.get(during.size() - 1) / 1000.0, failures.get(), reads.size());

        consumer.stop();
        long from = consumer.cursor();
        long latest = FakeOrgFeed.churn(Downstreams.COMPOUND_B, EVENTS);
        long start = System.nanoTime();
        consumer.start();
        awaitApplied(latest);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("catch-up: %,d events (1 in 4 created, 3 in 4 renamed) in %,d ms = %,.0f events/s%n", latest - from, millis,
                (latest - from) * 1000.0 / millis);
        assertEquals(EVENTS / 4, db.count("select count(*) from known_unit where parent_id = ?", Downstreams.COMPOUND_B));
    }

    private static double at(List<Long> micros, double q) {
        return micros.isEmpty() ? 0 : micros.get(Math.min(micros.size() - 1, (int) Math.ceil(q * micros.size()) - 1)) / 1000.0;
    }

    private void seed() {
        String compound = pathOf(Downstreams.COMPOUND_A);
        String building = pathOf(Downstreams.BUILDING_A);
        db.update("insert into topic (id, title, description, category, scope_unit_id, scope_name, scope_level, org_path, proposer, stage, version,"
                + " created_at, updated_at) select gen_random_uuid(), '议题 ' || g, '说明', 'ELEVATOR_INSTALLATION', case when g % 2 = 0 then ?::uuid"
                + " else ?::uuid end, 'A', 'COMPOUND', case when g % 2 = 0 then ? else ? end, '居民', 'PUBLIC_DELIBERATION', 1, now(), now()"
                + " from generate_series(1, " + TOPICS + ") g", Downstreams.COMPOUND_A, Downstreams.BUILDING_A, compound, building);
        db.update("insert into meeting (id, title, format, starts_at, place, convener, org_path, status, version, created_at)"
                + " select gen_random_uuid(), t.id::text, 'ROUND_TABLE', now(), '议事厅', '社区', t.org_path, 'PLANNED', 1, now() from topic t");
        db.update("insert into meeting_topic (meeting_id, topic_id) select m.id, t.id from meeting m join topic t on t.id::text = m.title");
        db.update("insert into vote (id, topic_id, title, question, matter, rule, opens_at, closes_at, status, last_hash, created_by, version,"
                + " created_at) select gen_random_uuid(), id, '表决', '是否同意', 'REBUILD_OR_ALTER', 'OWNERS_MAJOR', now(), now() + interval '7 days',"
                + " 'DRAFT', '0', '业委会', 1, now() from topic");
        db.update("insert into elector (vote_id, unit_id, owner_key, owner_name, area) select v.id, 'u' || g, 'o' || g, '业主' || g, 10000"
                + " from vote v cross join generate_series(1, 100) g");
        db.update("insert into audit_entry (id, occurred_at, actor, action, resource_type, resource_id, org_path, summary) select gen_random_uuid(),"
                + " now(), 'seed', 'topic.propose', 'topic', id::text, org_path, '{}'::jsonb from topic cross join generate_series(1, 10)");
        db.update("insert into ledger (compound_id, fund, compound_name, org_path, balance, last_seq) values (?, 'PUBLIC_INCOME', 'A 小区', ?, 0, 0)"
                + " on conflict do nothing", Downstreams.COMPOUND_A, compound);
        db.update("analyze");
    }
}
