package org.community.conventions.orgfeed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.orgfeed.FeedTypes.ChangeEvent;
import org.community.conventions.orgfeed.FeedTypes.UnitData;
import org.community.conventions.testing.orgfeed.FakeOrgFeed;
import org.community.conventions.testing.orgfeed.FeedOnProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The library's consumer, generic part, against the fake feed over real HTTP and the real embedded PostgreSQL: the
 * cursor persisted with the batch, a replayed batch a no-op, 410 resynced from the snapshot, backoff while org-service is
 * away, readiness and the lag gauges. What a service does with the events is {@link FixtureTreeCopy}.
 */
@QuarkusTest
@QuarkusTestResource(FeedServer.class)
@TestProfile(FeedOnProfile.class)
class OrgFeedConsumerTest {

    @Inject
    OrgFeedConsumer consumer;

    @Inject
    OrgFeedApplier applier;

    @Inject
    Db db;

    @BeforeEach
    void caughtUp() {
        FakeOrgFeed.up();
        consumer.start();
        awaitApplied(FakeOrgFeed.latest());
        if (!pathOf(FeedServer.GRID_A).startsWith(pathOf(FeedServer.COMMUNITY_A))) {
            awaitApplied(FakeOrgFeed.move(FeedServer.GRID_A, FeedServer.COMMUNITY_A));
        }
    }

    @AfterEach
    void feedRunning() {
        FakeOrgFeed.up();
        consumer.start();
    }

    private void awaitApplied(long seq) {
        FeedOnProfile.awaitApplied(consumer::cursor, consumer::lastError, seq);
    }

    private String pathOf(UUID unit) {
        return db.one("select path from feed_unit where id = ?", row -> row.getString(1), unit).orElseThrow();
    }

    private long storedCursor() {
        return db.count("select seq from org_feed_cursor where id = 1");
    }

    private UUID record(UUID unit) {
        UUID id = UUID.randomUUID();
        db.update("insert into feed_record (id, org_unit_id, org_unit_name, org_path, community_path) select ?, id, name, path, community_path"
                + " from feed_unit where id = ?", id, unit);
        return id;
    }

    private String recordPath(UUID record) {
        return db.one("select org_path || ' ' || community_path || ' ' || org_unit_name from feed_record where id = ?", row -> row.getString(1),
                record).orElseThrow();
    }

    @Test
    void aMoveRePathsTheServicesRowsAndTheCursorIsStoredWithTheBatch() {
        UUID record = record(FeedServer.BUILDING_A);
        long seq = FakeOrgFeed.move(FeedServer.GRID_A, FeedServer.COMMUNITY_B);
        awaitApplied(seq);

        String community = pathOf(FeedServer.COMMUNITY_B);
        String building = pathOf(FeedServer.GRID_A) + FeedServer.BUILDING_A + "/";
        assertTrue(pathOf(FeedServer.GRID_A).startsWith(community));
        assertEquals(building, pathOf(FeedServer.BUILDING_A));
        assertEquals(building + " " + community + " 文康苑 3 栋", recordPath(record));
        assertEquals(seq, storedCursor());

        awaitApplied(FakeOrgFeed.rename(FeedServer.BUILDING_A, "文康苑 3 栋（新）"));
        assertEquals(building + " " + community + " 文康苑 3 栋（新）", recordPath(record), "the service's callback got the rename");
        FakeOrgFeed.rename(FeedServer.BUILDING_A, "文康苑 3 栋");
    }

    @Test
    void aReplayedBatchChangesNothing() {
        UUID record = record(FeedServer.BUILDING_A);
        long seq = FakeOrgFeed.move(FeedServer.GRID_A, FeedServer.COMMUNITY_B);
        awaitApplied(seq);
        String applied = recordPath(record);
        consumer.stop();

        // the move again, as a batch already applied: the cursor skips it
        UnitData grid = new UnitData(FeedServer.GRID_A, FeedServer.COMMUNITY_A, "G", "第一网格", "GRID", null, false,
                List.of(FeedServer.CITY, FeedServer.STREET, FeedServer.COMMUNITY_A), "/x/", "/y/", "/x/");
        assertEquals(seq, applier.apply(List.of(new ChangeEvent(String.valueOf(seq), seq, "org-unit.moved", null, null, grid))));
        assertEquals(applied, recordPath(record));
        assertEquals(seq, storedCursor());

        // and through the whole consumer: the cursor put back, the same events read again
        db.update("update org_feed_cursor set seq = ? where id = 1", seq - 1);
        consumer.start();
        awaitApplied(seq);
        assertEquals(applied, recordPath(record));
    }

    @Test
    void aCursorOlderThanTheFeedRetainsResyncsFromTheSnapshot() {
        consumer.stop();
        FakeOrgFeed.move(FeedServer.GRID_A, FeedServer.COMMUNITY_B);
        FakeOrgFeed.rename(FeedServer.BUILDING_A, "文康苑 3 栋（改）");
        FakeOrgFeed.purge(FakeOrgFeed.latest());
        consumer.start();
        awaitApplied(FakeOrgFeed.latest());

        assertTrue(pathOf(FeedServer.GRID_A).startsWith(pathOf(FeedServer.COMMUNITY_B)));
        assertEquals("文康苑 3 栋（改）", db.one("select name from feed_unit where id = ?", row -> row.getString(1), FeedServer.BUILDING_A)
                .orElseThrow());
        assertTrue(db.one("select synced from org_feed_cursor where id = 1", row -> row.getBoolean(1)).orElseThrow());
        assertEquals(FakeOrgFeed.latest(), storedCursor());
        // and it follows the feed again from there
        awaitApplied(FakeOrgFeed.rename(FeedServer.BUILDING_A, "文康苑 3 栋"));
        assertEquals("文康苑 3 栋", db.one("select name from feed_unit where id = ?", row -> row.getString(1), FeedServer.BUILDING_A)
                .orElseThrow());
    }

    @Test
    void withOrgServiceDownTheConsumerBacksOffAndTheServiceStaysReady() throws Exception {
        FakeOrgFeed.down();
        long before = FakeOrgFeed.feedRequests();
        Thread.sleep(4000);
        long attempts = FakeOrgFeed.feedRequests() - before;
        // 200 ms doubling to 1 s: about 6 attempts in 4 s (a consumer without backoff would make thousands)
        assertTrue(attempts >= 2 && attempts <= 9, attempts + " attempts in 4 s");
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'org-feed' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'org-feed' }.data.lastError", containsString("503"))
                .body("checks.find { it.name == 'org-feed' }.data.lagSeconds", greaterThanOrEqualTo(2));
        given().get("/q/metrics").then().statusCode(200).body(containsString("org_feed_lag_seconds"))
                .body(containsString("org_feed_lag_events"));

        FakeOrgFeed.up();
        long seq = FakeOrgFeed.rename(FeedServer.COMMUNITY_B, "江欣苑社区");
        awaitApplied(seq);
        given().get("/q/health/ready").then().body("checks.find { it.name == 'org-feed' }.data.lastError", equalTo("none"))
                .body("checks.find { it.name == 'org-feed' }.data.lagEvents", equalTo(0))
                .body("checks.find { it.name == 'org-feed' }.data.cursor", equalTo((int) seq));
        assertTrue(FakeOrgFeed.tokensIssued() >= 1);
        assertFalse(consumer.lastError() != null, "recovered");
    }

    @Test
    void readinessAndGaugesShowWhereTheConsumerIs() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'org-feed' }.data.latest", equalTo((int) FakeOrgFeed.latest()))
                .body("checks.find { it.name == 'org-feed' }.data.lagSeconds", equalTo(0))
                .body("checks.find { it.name == 'org-feed' }.data.lastError", not(containsString("disabled")));
        given().get("/q/metrics").then().statusCode(200).body(containsString("org_feed_lag_events 0.0"));
    }
}
