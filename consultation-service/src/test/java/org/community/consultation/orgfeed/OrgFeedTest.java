package org.community.consultation.orgfeed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.community.consultation.support.Api;
import org.community.consultation.support.Downstreams;
import org.community.conventions.db.Db;
import org.community.conventions.orgfeed.OrgFeedConsumer;
import org.community.conventions.testing.Tokens;
import org.community.conventions.testing.orgfeed.FakeOrgFeed;
import org.community.conventions.testing.orgfeed.FeedOnProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The consumer of org-service's change feed against a stand-in org-service over real HTTP (FakeOrgFeed: the contract's
 * JSON, long-polling, 410, the snapshot, a client-credentials token) and the real embedded PostgreSQL. The tree is
 * Downstreams': city → district → street → community A → grid A → compound A → building A, and the same under B.
 */
@QuarkusTest
@QuarkusTestResource(Downstreams.class)
@TestProfile(FeedOnProfile.class)
class OrgFeedTest {

    @Inject
    OrgFeedConsumer consumer;

    @Inject
    Db db;

    @BeforeEach
    void gridAInCommunityA() {
        Downstreams.orgDown = false;
        consumer.start();
        awaitApplied(FakeOrgFeed.latest());
        if (!pathOf(Downstreams.GRID_A).startsWith(pathOf(Downstreams.COMMUNITY_A))) {
            awaitApplied(FakeOrgFeed.move(Downstreams.GRID_A, Downstreams.COMMUNITY_A));
        }
    }

    @AfterEach
    void feedRunning() {
        Downstreams.orgDown = false;
        consumer.start();
    }

    private void awaitApplied(long seq) {
        FeedOnProfile.awaitApplied(consumer::cursor, consumer::lastError, seq);
    }

    private String pathOf(UUID unit) {
        return db.one("select org_path from known_unit where id = ?", row -> row.getString(1), unit).orElseThrow();
    }

    /** A topic of compound A with a meeting and a vote, and compound A's disclosure ledger. */
    private record Built(String topic, String meeting, String vote) {
    }

    private Built build(String title) {
        String topic = Api.topic(title, "ELEVATOR_INSTALLATION", Downstreams.COMPOUND_A);
        Api.moveOk(topic, "JOINT_REVIEW");
        String meeting = given().contentType("application/json").body("{\"title\":\"" + title + "圆桌会\",\"format\":\"ROUND_TABLE\",\"topicIds\":[\""
                + topic + "\"],\"startsAt\":\"2026-08-26T19:30:00+08:00\",\"place\":\"议事厅\",\"convener\":\"社区党委\"}")
                .post("/api/v1/meetings").then().statusCode(201).extract().path("id");
        String vote = Api.vote(topic, "REBUILD_OR_ALTER", "OWNERS_MAJOR", 3600, null);
        given().contentType("application/json").body("{\"compoundId\":\"" + Downstreams.COMPOUND_A + "\",\"fund\":\"PUBLIC_INCOME\","
                + "\"direction\":\"INCOME\",\"amount\":100.00,\"occurredOn\":\"2026-08-18\",\"summary\":\"停车费\",\"recordedBy\":\"财务\"}")
                .post("/api/v1/disclosures").then().statusCode(201);
        return new Built(topic, meeting, vote);
    }

    /** Every pathed row under a path: what a replay must leave unchanged. */
    private List<String> fingerprint(String path) {
        String high = path + "~";
        return db.list("select 'topic:' || id || ':' || org_path || ':' || scope_name from topic where org_path >= ? and org_path < ?"
                + " union all select 'meeting:' || id || ':' || org_path from meeting where org_path >= ? and org_path < ?"
                + " union all select 'ledger:' || compound_id || fund || ':' || org_path || ':' || compound_name || balance from ledger where org_path >= ? and org_path < ?"
                + " union all select 'audit:' || id || ':' || org_path from audit_entry where org_path >= ? and org_path < ?"
                + " union all select 'unit:' || id || ':' || org_path || ':' || coalesce(community_path, '') || coalesce(name, '') from known_unit"
                + " where org_path >= ? and org_path < ? order by 1", row -> row.getString(1), path, high, path, high, path, high, path, high,
                path, high);
    }

    private long under(String table, UUID unit) {
        return db.count("select count(*) from " + table + " where org_path >= ? and org_path < ?", pathOf(unit), pathOf(unit) + "~");
    }

    @Test
    void aMoveRePathsTopicsMeetingsLedgersAndTheScopesFollow() {
        Built built = build("A 小区加装电梯");
        String secretaryA = Tokens.token("secretary-a", "COMMUNITY_SECRETARY", Downstreams.COMMUNITY_A);
        String secretaryB = Tokens.token("secretary-b", "COMMUNITY_SECRETARY", Downstreams.COMMUNITY_B);
        given().auth().oauth2(secretaryA).get("/api/v1/topics/" + built.topic()).then().statusCode(200);
        given().auth().oauth2(secretaryB).get("/api/v1/topics/" + built.topic()).then().statusCode(404);

        awaitApplied(FakeOrgFeed.move(Downstreams.GRID_A, Downstreams.COMMUNITY_B));

        assertTrue(pathOf(Downstreams.COMPOUND_A).startsWith(pathOf(Downstreams.COMMUNITY_B)));
        for (String table : List.of("topic", "meeting", "ledger", "audit_entry")) {
            assertEquals(0, under(table, Downstreams.COMMUNITY_A), table + " left under community A");
        }
        assertTrue(under("topic", Downstreams.COMMUNITY_B) >= 1);
        assertEquals(1, db.count("select count(*) from ledger where org_path = ?", pathOf(Downstreams.COMPOUND_A)));
        assertEquals(pathOf(Downstreams.COMMUNITY_B), db.one("select community_path from known_unit where id = ?", row -> row.getString(1),
                Downstreams.BUILDING_A).orElseThrow());

        given().auth().oauth2(secretaryA).get("/api/v1/topics/" + built.topic()).then().statusCode(404);
        given().auth().oauth2(secretaryA).get("/api/v1/meetings/" + built.meeting()).then().statusCode(404);
        given().auth().oauth2(secretaryA).get("/api/v1/votes/" + built.vote()).then().statusCode(404);
        given().auth().oauth2(secretaryB).get("/api/v1/topics/" + built.topic()).then().statusCode(200);
        given().auth().oauth2(secretaryB).get("/api/v1/meetings/" + built.meeting()).then().statusCode(200);
        given().auth().oauth2(secretaryB).get("/api/v1/votes/" + built.vote()).then().statusCode(200);
        given().queryParam("within", Downstreams.COMMUNITY_B).queryParam("size", 200).get("/api/v1/topics").then().statusCode(200)
                .body("items.id", hasItem(built.topic()));
        given().queryParam("within", Downstreams.COMMUNITY_A).queryParam("size", 200).get("/api/v1/topics").then().statusCode(200)
                .body("items.id", not(hasItem(built.topic())));

        // a topic proposed for the compound now lands under B, with the first one
        String later = Api.topic("A 小区停车位", "PARKING", Downstreams.COMPOUND_A);
        given().auth().oauth2(secretaryB).get("/api/v1/topics/" + later).then().statusCode(200);
        given().auth().oauth2(secretaryA).get("/api/v1/topics/" + later).then().statusCode(404);
    }

    @Test
    void aReplayedBatchChangesNothing() {
        build("重放议题");
        long before = FakeOrgFeed.latest();
        FakeOrgFeed.move(Downstreams.GRID_A, Downstreams.COMMUNITY_B);
        awaitApplied(FakeOrgFeed.rename(Downstreams.COMPOUND_A, "A 小区（新名）"));
        List<String> applied = fingerprint(pathOf(Downstreams.COMMUNITY_B));
        assertTrue(applied.stream().anyMatch(line -> line.startsWith("topic:") && line.endsWith("A 小区（新名）")), "the rename reached the topics");
        assertTrue(applied.stream().anyMatch(line -> line.startsWith("ledger:") && line.contains("A 小区（新名）")), "and the ledger");

        consumer.stop();
        db.update("update org_feed_cursor set seq = ?", before);
        consumer.start();
        awaitApplied(FakeOrgFeed.latest());

        assertEquals(applied, fingerprint(pathOf(Downstreams.COMMUNITY_B)));
        FakeOrgFeed.rename(Downstreams.COMPOUND_A, "A 小区");
    }

    @Test
    void aConsumerStoppedDuringAThousandChangesCatchesUpWithNothingLostOrDoubled() {
        build("千次变更");
        long topics = db.count("select count(*) from topic");
        long audit = db.count("select count(*) from audit_entry");
        long underA = under("topic", Downstreams.GRID_A);

        consumer.stop();
        long first = FakeOrgFeed.latest() + 1;
        long last = FakeOrgFeed.shuttle(Downstreams.GRID_A, Downstreams.COMMUNITY_B, Downstreams.COMMUNITY_A, Downstreams.COMPOUND_A,
                "A 小区 #", 500);
        assertEquals(999, last - first);
        consumer.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (consumer.cursor() < first + 300 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        consumer.stop();
        long stoppedAt = db.count("select seq from org_feed_cursor");
        assertTrue(stoppedAt >= first + 300 && stoppedAt < last, "stopped in the middle, at " + stoppedAt);

        consumer.start();
        awaitApplied(last);
        assertTrue(pathOf(Downstreams.GRID_A).startsWith(pathOf(Downstreams.COMMUNITY_A)), "the 500th move took the grid home");
        assertEquals(topics, db.count("select count(*) from topic"));
        assertEquals(audit, db.count("select count(*) from audit_entry"));
        assertEquals(underA, under("topic", Downstreams.GRID_A));
        assertEquals(0, under("topic", Downstreams.COMMUNITY_B) - db.count("select count(*) from topic where org_path >= ? and org_path < ?",
                pathOf(Downstreams.COMMUNITY_B), pathOf(Downstreams.COMMUNITY_B) + "~"));
        assertEquals(underA, db.count("select count(*) from topic where scope_unit_id = ? and scope_name = 'A 小区 #499'", Downstreams.COMPOUND_A)
                + db.count("select count(*) from topic where org_path >= ? and org_path < ? and scope_unit_id <> ?", pathOf(Downstreams.GRID_A),
                        pathOf(Downstreams.GRID_A) + "~", Downstreams.COMPOUND_A));
        FakeOrgFeed.rename(Downstreams.COMPOUND_A, "A 小区");
    }

    @Test
    void writesUnderADissolvedUnitAreRefusedAndReadsKeepWorking() {
        String topic = Api.topic("B 小区 1 栋门禁", "SAFETY", Downstreams.BUILDING_B);
        awaitApplied(FakeOrgFeed.dissolve(Downstreams.BUILDING_B));

        // org-service's answer for the unit lags behind (Downstreams still says ACTIVE): the snapshot refuses
        given().contentType("application/json").body("{\"title\":\"新议题\",\"description\":\"说明\",\"category\":\"SAFETY\",\"scopeUnitId\":\""
                + Downstreams.BUILDING_B + "\",\"proposer\":\"张三\"}").post("/api/v1/topics").then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("orgUnitId"));
        Api.moveOk(topic, "JOINT_REVIEW");
        given().contentType("application/json").body("{\"topicId\":\"" + topic + "\",\"title\":\"表决\",\"question\":\"是否同意\",\"matter\":"
                + "\"GENERAL\",\"rule\":\"SIMPLE_MAJORITY\",\"opensAt\":\"2026-12-01T09:00:00+08:00\",\"closesAt\":"
                + "\"2026-12-31T09:00:00+08:00\",\"createdBy\":\"业委会\"}").post("/api/v1/votes").then().statusCode(409)
                .body("errors[0].field", equalTo("orgUnitId"));
        assertEquals(0, db.count("select count(*) from vote where topic_id = ?", UUID.fromString(topic)));
        given().get("/api/v1/topics/" + topic).then().statusCode(200);
    }

}
