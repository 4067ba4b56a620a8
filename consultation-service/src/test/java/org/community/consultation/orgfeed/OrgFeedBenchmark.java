package org.community.consultation.orgfeed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import jakarta.inject.Inject;

import org.community.consultation.support.Downstreams;
import org.community.conventions.db.Db;
import org.community.conventions.orgfeed.OrgFeedConsumer;
import org.community.conventions.testing.Tokens;
import org.community.conventions.testing.orgfeed.FakeOrgFeed;
import org.community.conventions.testing.orgfeed.FeedBenchmark;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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
@TestProfile(FeedBenchmark.Profile.class)
@Tag("benchmark")
class OrgFeedBenchmark {

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
        FeedBenchmark.awaitApplied(consumer::cursor, consumer::lastError, seq);
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

        FeedBenchmark.Reader reader = FeedBenchmark.Reader.start(i -> (i % 2 == 0 ? get("/api/v1/topics/" + someTopic, admin)
                : get("/api/v1/topics?within=" + Downstreams.GRID_A + "&size=20", admin)).statusCode());
        UUID[] communities = { Downstreams.COMMUNITY_B, Downstreams.COMMUNITY_A };
        FeedBenchmark.Moves moves = FeedBenchmark.moves(MOVES, m -> FakeOrgFeed.move(Downstreams.GRID_A, communities[m % 2]), this::awaitApplied,
                m -> get("/api/v1/topics?within=" + communities[m % 2] + "&size=1", admin).body().contains("\"total\":" + TOPICS));
        reader.stop();
        assertEquals(TOPICS, db.count("select count(*) from topic where org_path >= ? and org_path < ?", pathOf(Downstreams.COMMUNITY_A),
                pathOf(Downstreams.COMMUNITY_A) + "~"));
        assertEquals(TOPICS, db.count("select count(*) from meeting where org_path >= ? and org_path < ?", pathOf(Downstreams.COMMUNITY_A),
                pathOf(Downstreams.COMMUNITY_A) + "~"));

        FeedBenchmark.report(String.format("a grid with %d topics (+%d meetings, %d votes of 100 electors, %,d audit entries)", TOPICS, TOPICS,
                TOPICS, TOPICS * 10), "?within=<new community> lists all", moves, reader);

        long unitsBefore = db.count("select count(*) from known_unit where parent_id = ?", Downstreams.COMPOUND_B);
        FeedBenchmark.catchUp(consumer::stop, consumer::start, consumer::cursor, () -> FakeOrgFeed.churn(Downstreams.COMPOUND_B, EVENTS),
                this::awaitApplied);
        // one event in four creates a unit under compound B, which already holds its building
        assertEquals(unitsBefore + EVENTS / 4, db.count("select count(*) from known_unit where parent_id = ?", Downstreams.COMPOUND_B));
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
