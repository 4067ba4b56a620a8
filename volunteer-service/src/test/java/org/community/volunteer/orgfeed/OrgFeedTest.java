package org.community.volunteer.orgfeed;

import static io.restassured.RestAssured.given;
import static org.community.volunteer.Fixtures.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.orgfeed.OrgFeedConsumer;
import org.community.conventions.testing.Tokens;
import org.community.conventions.testing.orgfeed.FakeOrgFeed;
import org.community.conventions.testing.orgfeed.FeedOnProfile;
import org.community.volunteer.FakeOrgService;
import org.community.volunteer.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The consumer of org-service's change feed against a stand-in org-service over real HTTP (FakeOrgFeed: the contract's
 * JSON, long-polling, 410, the snapshot, a client-credentials token) and the real embedded PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
@TestProfile(FeedOnProfile.class)
class OrgFeedTest {

    @Inject
    OrgFeedConsumer consumer;

    @Inject
    Db db;

    @BeforeEach
    void cityAdmin() {
        Tokens.useCityAdminByDefault();
    }

    @AfterEach
    void feedRunning() {
        FakeOrgService.up();
        consumer.start();
    }

    /** A community with grid → building, every kind of record in the building, verified hours included. */
    record Built(UUID community, UUID grid, UUID building, String volunteer, String leader, String team, String activity, String record,
            String demand, String partner, String resource, String project) {
    }

    private Built build(String name) {
        UUID community = FakeOrgService.newCommunity(name);
        UUID grid = FakeOrgService.newUnit(name + "一网格", "GRID", community);
        UUID building = FakeOrgService.newUnit(name + "3 栋", "BUILDING", grid);
        String leader = Fixtures.volunteer("队长" + name, building);
        String volunteer = Fixtures.volunteer("志愿者" + name, building);
        String team = Fixtures.team(name + "服务队", building, leader, "ELDER_CARE");
        String activity = Fixtures.activity(team, "值守", Fixtures.now().plusDays(3), Fixtures.now().plusDays(3).plusHours(2), 5, null);
        Fixtures.signUp(activity, volunteer).then().statusCode(201);
        OffsetDateTime past = Fixtures.now().withHour(9).withMinute(0).minusDays(1);
        String etag = given().get("/api/v1/activities/" + activity).then().extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag).body("{\"teamId\":\"" + team + "\",\"title\":\"值守\","
                + "\"category\":\"ELDER_CARE\",\"place\":\"活动室\",\"startsAt\":\"" + past + "\",\"endsAt\":\"" + past.plusHours(2)
                + "\",\"capacity\":5}").put("/api/v1/activities/" + activity).then().statusCode(200);
        post("/api/v1/activities/" + activity + "/check-ins", "{\"volunteerId\":\"" + volunteer + "\",\"leaderId\":\"" + leader + "\",\"at\":\""
                + past + "\"}").then().statusCode(201);
        String record = post("/api/v1/activities/" + activity + "/check-outs", "{\"volunteerId\":\"" + volunteer + "\",\"leaderId\":\""
                + leader + "\",\"at\":\"" + past.plusHours(2) + "\"}").then().statusCode(200).extract().path("id");
        post("/api/v1/service-records/" + record + "/verify", "{\"leaderId\":\"" + leader + "\"}").then().statusCode(200);
        String demand = post("/api/v1/demands", "{\"title\":\"楼道灯坏了\",\"category\":\"FACILITIES\",\"urgency\":\"NORMAL\",\"place\":\"3 栋\","
                + "\"orgUnitId\":\"" + building + "\"}").then().statusCode(201).extract().path("id");
        String partner = post("/api/v1/partners", "{\"name\":\"" + name + "供电所\",\"kind\":\"CO_BUILDING_UNIT\",\"orgUnitId\":\"" + building
                + "\"}").then().statusCode(201).extract().path("id");
        String resource = post("/api/v1/resources", "{\"partnerId\":\"" + partner + "\",\"title\":\"充电桩\",\"category\":\"FACILITIES\"}")
                .then().statusCode(201).extract().path("id");
        String project = post("/api/v1/projects", "{\"name\":\"楼道亮灯\",\"kind\":\"PRACTICAL_MATTER\",\"teamId\":\"" + team + "\",\"demandIds\":[\""
                + demand + "\"]}").then().statusCode(201).extract().path("id");
        return new Built(community, grid, building, volunteer, leader, team, activity, record, demand, partner, resource, project);
    }

    private void awaitApplied(long seq) {
        FeedOnProfile.awaitApplied(consumer::cursor, consumer::lastError, seq);
    }

    private String pathOf(UUID unit) {
        return db.one("select path from org_unit_snapshot where id = ?", row -> row.getString(1), unit).orElseThrow();
    }

    /** Every pathed row of the subtree, as "table:id:path" lines, and the roll-ups: what a replay must leave unchanged. */
    private List<String> fingerprint(String path) {
        String high = path + "~";
        return db.list("select 'volunteer:' || id || ':' || org_path from volunteer where org_path >= ? and org_path < ?"
                + " union all select 'team:' || id || ':' || org_path || ':' || coalesce(community_path, '') || org_unit_name from team where org_path >= ? and org_path < ?"
                + " union all select 'activity:' || id || ':' || org_path from activity where org_path >= ? and org_path < ?"
                + " union all select 'record:' || r.id || ':' || a.org_path from service_record r join activity a on a.id = r.activity_id"
                + " where a.org_path >= ? and a.org_path < ?"
                + " union all select 'unit_hours:' || year || ':' || org_path || ':' || minutes || ':' || records from unit_year_hours where org_path >= ? and org_path < ?"
                + " union all select 'volunteer_hours:' || volunteer_id || ':' || org_path || ':' || minutes from volunteer_year_hours where org_path >= ? and org_path < ?"
                + " union all select 'demand:' || id || ':' || org_path || ':' || coalesce(community_path, '') from demand where org_path >= ? and org_path < ?"
                + " union all select 'partner:' || id || ':' || org_path from partner where org_path >= ? and org_path < ?"
                + " union all select 'resource:' || id || ':' || org_path || ':' || coalesce(community_path, '') from resource where org_path >= ? and org_path < ?"
                + " union all select 'project:' || id || ':' || org_path from project where org_path >= ? and org_path < ?"
                + " union all select 'snapshot:' || id || ':' || path || ':' || coalesce(community_path, '') || name from org_unit_snapshot where path >= ? and path < ?"
                + " order by 1", row -> row.getString(1), path, high, path, high, path, high, path, high, path, high, path, high, path, high, path,
                high, path, high, path, high, path, high);
    }

    /** Verified minutes of the subtree: the roll-up, and recounted from the service records. */
    private long[] hours(String path) {
        long rollUp = db.count("select coalesce(sum(minutes), 0) from unit_year_hours where org_path >= ? and org_path < ?", path, path + "~");
        long recount = db.count("select coalesce(sum(r.verified_minutes), 0) from service_record r join activity a on a.id = r.activity_id"
                + " where r.status = 'VERIFIED' and a.org_path >= ? and a.org_path < ?", path, path + "~");
        return new long[] { rollUp, recount };
    }

    @Test
    void aMoveRePathsEveryRecordAndTheScopesFollowIt() {
        Built a = build("东湖社区");
        UUID b = FakeOrgService.newCommunity("西湖社区");
        FakeOrgFeed.created(b);
        String secretaryA = Tokens.token("secretary-a", "COMMUNITY_SECRETARY", a.community());
        String secretaryB = Tokens.token("secretary-b", "COMMUNITY_SECRETARY", b);
        given().auth().oauth2(secretaryA).get("/api/v1/volunteers/" + a.volunteer()).then().statusCode(200);
        given().auth().oauth2(secretaryB).get("/api/v1/volunteers/" + a.volunteer()).then().statusCode(404);
        given().queryParam("orgUnitId", a.community()).get("/api/v1/volunteers/stats").then().statusCode(200)
                .body("volunteers", equalTo(2)).body("teams", equalTo(1)).body("verifiedHoursThisYear", equalTo(2.0f));

        awaitApplied(FakeOrgFeed.move(a.grid(), b));

        String gridPath = pathOf(a.grid());
        assertTrue(gridPath.startsWith(pathOf(b)), gridPath);
        String building = pathOf(a.building());
        assertEquals(gridPath + a.building() + "/", building);
        for (String table : List.of("volunteer", "team", "activity", "demand", "partner", "resource", "project",
                "volunteer_year_hours", "unit_year_hours")) {
            assertEquals(0, db.count("select count(*) from " + table + " where org_path >= ? and org_path < ?", pathOf(a.community()),
                    pathOf(a.community()) + "~"), table + " left under the old community");
        }
        assertEquals(2, db.count("select count(*) from volunteer where org_path = ?", building));
        assertEquals(1, db.count("select count(*) from team where org_path = ? and community_path = ?", building, pathOf(b)));
        assertEquals(1, db.count("select count(*) from resource where org_path = ? and community_path = ?", building, pathOf(b)));
        assertEquals(1, db.count("select count(*) from demand where org_path = ? and community_path = ?", building, pathOf(b)));
        // audit entries keep their unit's id (V5): not rewritten, they follow the unit's path in the snapshot
        assertTrue(db.count("select count(*) from audit_entry where org_unit_id = ?", a.building()) >= 8);
        given().auth().oauth2(secretaryB).queryParam("within", b).queryParam("resourceId", a.volunteer()).get("/api/v1/volunteer-audit")
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(secretaryA).queryParam("resourceId", a.volunteer()).get("/api/v1/volunteer-audit").then().statusCode(200)
                .body("total", equalTo(0));

        // A's secretary no longer reads the moved volunteer (no unmasked phone leaks); B's does, unmasked
        given().auth().oauth2(secretaryA).get("/api/v1/volunteers/" + a.volunteer()).then().statusCode(404);
        given().auth().oauth2(secretaryA).get("/api/v1/teams/" + a.team() + "/members").then().statusCode(403);
        given().auth().oauth2(secretaryB).get("/api/v1/volunteers/" + a.volunteer()).then().statusCode(200)
                .body("phone", not(org.hamcrest.Matchers.containsString("*")));
        given().auth().oauth2(secretaryB).get("/api/v1/service-records/" + a.record()).then().statusCode(200);
        // a service record takes its path from its activity (V4): it moved without being rewritten
        given().auth().oauth2(secretaryA).get("/api/v1/service-records/" + a.record()).then().statusCode(404);
        given().auth().oauth2(secretaryB).queryParam("orgUnitId", b).get("/api/v1/service-records").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(a.record()));
        given().auth().oauth2(secretaryA).get("/api/v1/service-records").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(secretaryB).get("/api/v1/demands/" + a.demand()).then().statusCode(200);
        given().auth().oauth2(secretaryA).get("/api/v1/demands/" + a.demand()).then().statusCode(404);
        given().auth().oauth2(secretaryB).get("/api/v1/partners/" + a.partner()).then().statusCode(200);

        // stats moved with the records and equal a recount
        given().queryParam("orgUnitId", a.community()).get("/api/v1/volunteers/stats").then().statusCode(200)
                .body("volunteers", equalTo(0)).body("teams", equalTo(0)).body("verifiedHoursThisYear", equalTo(0.0f));
        given().queryParam("orgUnitId", b).get("/api/v1/volunteers/stats").then().statusCode(200)
                .body("volunteers", equalTo(2)).body("teams", equalTo(1)).body("verifiedHoursThisYear", equalTo(2.0f));
        long[] hours = hours(pathOf(b));
        assertEquals(120, hours[0]);
        assertEquals(hours[1], hours[0]);

        // a volunteer registered in the building now lands under B, with the first one
        String second = Fixtures.volunteer("后来者", a.building());
        given().auth().oauth2(secretaryB).get("/api/v1/volunteers/" + second).then().statusCode(200);
        assertEquals(3, db.count("select count(*) from volunteer where org_path = ?", building));
    }

    @Test
    void aReplayedBatchChangesNothing() {
        Built a = build("南湖社区");
        UUID b = FakeOrgService.newCommunity("北湖社区");
        long before = FakeOrgFeed.latest();
        FakeOrgFeed.created(b);
        FakeOrgFeed.move(a.grid(), b);
        FakeOrgFeed.rename(a.building(), "南湖 3 栋（新）");
        awaitApplied(FakeOrgFeed.latest());
        List<String> applied = fingerprint(pathOf(b));
        long[] hours = hours(pathOf(b));

        // the same events again, from the feed, through the whole consumer: the cursor is put back
        consumer.stop();
        db.update("update org_feed_cursor set seq = ?", before);
        consumer.start();
        awaitApplied(FakeOrgFeed.latest());

        assertEquals(applied, fingerprint(pathOf(b)));
        assertTrue(applied.stream().anyMatch(line -> line.contains("南湖 3 栋（新）")), "the rename reached the copies of the name");
        assertEquals(hours[0], hours(pathOf(b))[0]);
        assertEquals(hours[1], hours(pathOf(b))[0]);
    }

    @Test
    void aConsumerStoppedDuringAThousandChangesCatchesUpWithNothingLostOrDoubled() {
        Built a = build("青山社区");
        UUID b = FakeOrgService.newCommunity("绿水社区");
        FakeOrgFeed.created(b);
        awaitApplied(FakeOrgFeed.latest());
        long volunteers = db.count("select count(*) from volunteer");
        long auditEntries = db.count("select count(*) from audit_entry");

        consumer.stop();
        long first = FakeOrgFeed.latest() + 1;
        // 500 times: the grid moves to b or back, the building is renamed "青山 3 栋 #i"
        long last = FakeOrgFeed.shuttle(a.grid(), b, a.community(), a.building(), "青山 3 栋 #", 500);
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
        // 500 moves: the last (i = 499) took the grid back to its own community
        assertTrue(pathOf(a.grid()).startsWith(pathOf(a.community())));
        assertEquals("青山 3 栋 #499", db.one("select org_unit_name from volunteer where id = ?", row -> row.getString(1),
                UUID.fromString(a.volunteer())).orElseThrow());
        assertEquals(volunteers, db.count("select count(*) from volunteer"));
        assertEquals(auditEntries, db.count("select count(*) from audit_entry"));
        long[] hours = hours(pathOf(a.community()));
        assertEquals(120, hours[0]);
        assertEquals(hours[1], hours[0]);
        assertEquals(0, hours(pathOf(b))[0]);
        assertEquals(1, db.count("select count(*) from unit_year_hours where org_path >= ? and org_path < ?", pathOf(a.community()),
                pathOf(a.community()) + "~"));
    }

    @Test
    void writesUnderADissolvedUnitAreRefusedAndReadsKeepWorking() {
        Built a = build("白云社区");
        awaitApplied(FakeOrgFeed.dissolve(a.building()));
        assertTrue(db.one("select dissolved from org_unit_snapshot where id = ?", row -> row.getBoolean(1), a.building()).orElseThrow());

        post("/api/v1/activities", "{\"teamId\":\"" + a.team() + "\",\"title\":\"新活动\",\"category\":\"ELDER_CARE\",\"place\":\"活动室\","
                + "\"startsAt\":\"" + Fixtures.now().plusDays(2) + "\",\"endsAt\":\"" + Fixtures.now().plusDays(2).plusHours(1)
                + "\",\"capacity\":3}").then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("orgUnitId"));
        post("/api/v1/resources", "{\"partnerId\":\"" + a.partner() + "\",\"title\":\"新资源\",\"category\":\"FACILITIES\"}").then()
                .statusCode(409).body("errors[0].field", equalTo("orgUnitId"));
        post("/api/v1/projects", "{\"name\":\"新项目\",\"kind\":\"OTHER\",\"teamId\":\"" + a.team() + "\"}").then().statusCode(409)
                .body("errors[0].field", equalTo("orgUnitId"));
        Fixtures.post("/api/v1/volunteers", "{\"name\":\"新人\",\"phone\":\"" + Fixtures.phone() + "\",\"skills\":[],\"orgUnitId\":\""
                + a.building() + "\"}").then().statusCode(422).body("errors[0].field", equalTo("orgUnitId"));
        // nothing written by the refused requests; reads work
        assertEquals(1, db.count("select count(*) from activity where team_id = ?", UUID.fromString(a.team())));
        given().get("/api/v1/teams/" + a.team()).then().statusCode(200);
        given().get("/api/v1/volunteers/" + a.volunteer()).then().statusCode(200);
        given().queryParam("orgUnitId", a.community()).get("/api/v1/volunteers/stats").then().statusCode(200).body("volunteers", equalTo(2));
    }

}
