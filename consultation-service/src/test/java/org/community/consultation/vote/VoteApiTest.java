package org.community.consultation.vote;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.community.conventions.testing.TestClock;
import org.community.consultation.support.Api;
import org.community.consultation.support.Downstreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(Downstreams.class)
class VoteApiTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Inject
    AgroalDataSource dataSource;

    private static String deliberatingTopic(String category) {
        String topic = Api.topic("表决测试", category, Downstreams.BUILDING);
        Api.moveOk(topic, "JOINT_REVIEW");
        Api.moveOk(topic, "PUBLIC_DELIBERATION");
        return topic;
    }

    /** Units 101..10n, each its own owner, 100.00 m² each, in building 3 entrance 1. */
    private static String roll(int n) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= n; i++) {
            json.append(i == 1 ? "" : ",").append("{\"unitId\":\"3-1-").append(100 + i).append("\",\"ownerName\":\"业主").append(i)
                    .append("\",\"building\":\"3\",\"entrance\":\"1\",\"areaM2\":100.00}");
        }
        return json.append("]").toString();
    }

    @Test
    void oneBuyerOfSeveralUnitsCountsOnceWhileEveryUnitsAreaCounts() {
        String topic = deliberatingTopic("ELEVATOR_INSTALLATION");
        String roll = "[{\"unitId\":\"3-1-101\",\"ownerName\":\"王\",\"ownerKey\":\"id-wang\",\"building\":\"3\",\"areaM2\":80.50},"
                + "{\"unitId\":\"3-1-102\",\"ownerName\":\"王\",\"ownerKey\":\"id-wang\",\"building\":\"3\",\"areaM2\":90.25},"
                + "{\"unitId\":\"3-1-201\",\"ownerName\":\"李\",\"ownerKey\":\"id-li\",\"building\":\"3\",\"areaM2\":100},"
                + "{\"unitId\":\"3-1-202\",\"ownerName\":\"赵\",\"building\":\"3\",\"areaM2\":120.00}]";
        String vote = Api.vote(topic, "REBUILD_OR_ALTER", "OWNERS_MAJOR", 60, roll);
        Api.open(vote);
        given().get("/api/v1/votes/" + vote).then().body("totalUnits", equalTo(4)).body("totalOwners", equalTo(3))
                .body("totalAreaM2", equalTo(390.75f));
        // Wang votes once, by either unit, and the ballot carries both units' area
        Api.ballot(vote, "{\"unitId\":\"3-1-102\",\"choice\":\"YES\"}").response().then().statusCode(201).body("units", equalTo(2))
                .body("areaM2", equalTo(170.75f)).body("seq", equalTo(1));
        Api.ballot(vote, "{\"unitId\":\"3-1-101\",\"choice\":\"NO\"}").response().then().statusCode(409);
        Api.ballot(vote, "{\"ownerKey\":\"id-wang\",\"choice\":\"NO\"}").response().then().statusCode(409);
        Api.ballot(vote, "{\"ownerKey\":\"id-li\",\"choice\":\"YES\",\"channel\":\"PROXY\",\"proxyName\":\"李小明\",\"authorizationRef\":\"委托书 #7\"}")
                .response().then().statusCode(201).body("channel", equalTo("PROXY")).body("authorizationRef", equalTo("委托书 #7"));
        given().get("/api/v1/votes/" + vote + "/tally").then().statusCode(200)
                .body("electorate.owners", equalTo(3)).body("electorate.units", equalTo(4)).body("electorate.areaM2", equalTo(390.75f))
                .body("participating.owners", equalTo(2)).body("participating.units", equalTo(3)).body("participating.areaM2", equalTo(270.75f))
                .body("yes.owners", equalTo(2)).body("ballots.proxy", equalTo(1)).body("ballots.online", equalTo(1))
                // 270.75 of 390.75 m² is 0.6929 ≥ 2/3; 2 of 3 owners is exactly 2/3
                .body("checks.find { it.name == 'PARTICIPATION_AREA' }.met", equalTo(true))
                .body("checks.find { it.name == 'PARTICIPATION_OWNERS' }.met", equalTo(true))
                .body("checks.find { it.name == 'PARTICIPATION_OWNERS' }.threshold", equalTo("2/3"))
                .body("checks.find { it.name == 'APPROVAL_AREA' }.threshold", equalTo("3/4"))
                .body("outcome", equalTo("PASSED")).body("isFinal", equalTo(false));
        // the result is not final before closing
        given().get("/api/v1/votes/" + vote + "/result").then().statusCode(409);
        // Zhao's unit has no ownerKey: the unit is the owner
        Api.ballot(vote, "{\"unitId\":\"3-1-202\",\"choice\":\"NO\",\"channel\":\"PAPER\",\"evidenceRef\":\"纸质票扫描 0192\",\"enteredBy\":\"网格员 刘芳\"}")
                .response().then().statusCode(201).body("ownerKey", equalTo("unit:3-1-202"));
        // every owner has voted: the vote may close before its window ends
        given().post("/api/v1/votes/" + vote + "/close").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("outcome", equalTo("REJECTED"));
        given().get("/api/v1/votes/" + vote + "/result").then().statusCode(200).body("isFinal", equalTo(true))
                .body("no.areaM2", equalTo(120.0f)).body("outcome", equalTo("REJECTED"))
                // 2 YES of 3 participating owners is below 3/4
                .body("checks.find { it.name == 'APPROVAL_OWNERS' }.met", equalTo(false));
        Api.ballot(vote, "{\"unitId\":\"3-1-201\",\"choice\":\"YES\"}").response().then().statusCode(409);
        given().get("/api/v1/votes/" + vote + "/audit").then().body("chainValid", equalTo(true)).body("countersMatch", equalTo(true))
                .body("ballots", equalTo(3));
    }

    @Test
    void badBallotsAreRefused() {
        String topic = deliberatingTopic("PARKING");
        String vote = Api.vote(topic, "OWNERS_ORDINARY", "OWNERS_ORDINARY", 300, roll(3));
        // not open yet (DRAFT)
        Api.ballot(vote, "{\"unitId\":\"3-1-101\",\"choice\":\"YES\"}").response().then().statusCode(409);
        Api.open(vote);
        // roll frozen
        given().contentType("application/json").body(roll(1)).post("/api/v1/votes/" + vote + "/electors").then().statusCode(409);
        // not on the roll
        Api.ballot(vote, "{\"unitId\":\"9-9-999\",\"choice\":\"YES\"}").response().then().statusCode(422)
                .body("errors.field", hasItem("unitId"));
        // neither owner nor unit
        Api.ballot(vote, "{\"choice\":\"YES\"}").response().then().statusCode(400).body("errors.field", hasItem("ownerKey"));
        // paper without evidence, proxy without authorization
        Api.ballot(vote, "{\"unitId\":\"3-1-101\",\"choice\":\"YES\",\"channel\":\"PAPER\"}").response().then().statusCode(400)
                .body("errors.field", hasItem("evidenceRef")).body("errors.field", hasItem("enteredBy"));
        Api.ballot(vote, "{\"unitId\":\"3-1-101\",\"choice\":\"YES\",\"channel\":\"PROXY\",\"proxyName\":\"x\"}").response().then()
                .statusCode(400).body("errors.field", hasItem("authorizationRef"));
        Api.ballot(vote, "{\"unitId\":\"3-1-101\",\"choice\":\"MAYBE\"}").response().then().statusCode(400);
        Api.ballot(vote, "{\"unitId\":\"3-1-101\",\"choice\":\"YES\"}").response().then().statusCode(201);
        Api.ballot(vote, "{\"unitId\":\"3-1-101\",\"choice\":\"YES\"}").response().then().statusCode(409);
        // closing early while owners have not voted
        given().post("/api/v1/votes/" + vote + "/close").then().statusCode(409);
        // after the window: the clock moves past its close instead of the test sleeping
        clock.advance(Duration.ofSeconds(301));
        Api.ballot(vote, "{\"unitId\":\"3-1-102\",\"choice\":\"YES\"}").response().then().statusCode(409)
                .body("type", equalTo("urn:community-suite:problem:conflict"));
        given().post("/api/v1/votes/" + vote + "/close").then().statusCode(200).body("outcome", equalTo("QUORUM_NOT_MET"));
        // after close
        Api.ballot(vote, "{\"unitId\":\"3-1-103\",\"choice\":\"YES\"}").response().then().statusCode(409);
    }

    @Test
    void aBallotBeforeTheWindowOpensIsRefused() {
        String topic = deliberatingTopic("PARKING");
        String vote = given().contentType("application/json")
                .body("{\"topicId\":\"" + topic + "\",\"title\":\"t\",\"question\":\"q\",\"matter\":\"GENERAL\",\"rule\":\"SIMPLE_MAJORITY\","
                        + "\"opensAt\":\"" + java.time.OffsetDateTime.now().plusDays(1) + "\",\"closesAt\":\""
                        + java.time.OffsetDateTime.now().plusDays(2) + "\",\"createdBy\":\"x\",\"electors\":[{\"unitId\":\"a\",\"ownerName\":\"甲\"}]}")
                .post("/api/v1/votes").then().statusCode(201).extract().path("id");
        Api.open(vote);
        Api.ballot(vote, "{\"unitId\":\"a\",\"choice\":\"YES\"}").response().then().statusCode(409);
    }

    @Inject
    VoteCloser closer;

    @Test
    void anOpenVoteClosesByItselfWhenItsWindowHasEnded() {
        String topic = deliberatingTopic("PARKING");
        String vote = given().contentType("application/json")
                .body("{\"topicId\":\"" + topic + "\",\"title\":\"t\",\"question\":\"q\",\"matter\":\"GENERAL\",\"rule\":\"SIMPLE_MAJORITY\","
                        + "\"opensAt\":\"" + java.time.OffsetDateTime.now().minusMinutes(3) + "\",\"closesAt\":\""
                        + java.time.OffsetDateTime.now().minusMinutes(1) + "\",\"createdBy\":\"x\",\"electors\":[{\"unitId\":\"a\",\"ownerName\":\"甲\"}]}")
                .post("/api/v1/votes").then().statusCode(201).extract().path("id");
        // opened while its window still ran, by a clock two minutes behind
        clock.advance(Duration.ofMinutes(-2));
        String opened = given().header("If-Match", Api.etag("/api/v1/votes/" + vote)).post("/api/v1/votes/" + vote + "/open").then()
                .statusCode(200).body("status", equalTo("OPEN")).extract().header("ETag");
        clock.reset();
        closer.closeExpired();
        // nobody voted: no simple majority for it
        given().get("/api/v1/votes/" + vote).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("outcome", equalTo("REJECTED")).body("closedAt", org.hamcrest.Matchers.notNullValue());
        assertNotEquals(opened, Api.etag("/api/v1/votes/" + vote), "closing changes the version");
        given().get("/api/v1/votes/" + vote + "/result").then().statusCode(200).body("isFinal", equalTo(true));
    }

    @Test
    void theRuleMustFitTheMatterAndTheRoll() {
        String elevator = deliberatingTopic("ELEVATOR_INSTALLATION");
        String body = "{\"topicId\":\"" + elevator + "\",\"title\":\"t\",\"question\":\"q\",\"matter\":\"%s\",\"rule\":\"%s\","
                + "\"opensAt\":\"2030-01-01T09:00:00+08:00\",\"closesAt\":\"2030-01-10T09:00:00+08:00\",\"createdBy\":\"x\"%s}";
        given().contentType("application/json").header("Accept-Language", "en").body(body.formatted("REBUILD_OR_ALTER", "OWNERS_ORDINARY", ""))
                .post("/api/v1/votes").then().statusCode(422).body("errors[0].field", equalTo("rule"));
        given().contentType("application/json").body(body.formatted("OWNERS_ORDINARY", "OWNERS_MAJOR", "")).post("/api/v1/votes").then()
                .statusCode(422).body("errors[0].field", equalTo("matter"));
        String other = deliberatingTopic("RENOVATION");
        String otherBody = body.replace(elevator, other);
        given().contentType("application/json").body(otherBody.formatted("MAINTENANCE_FUND", "SIMPLE_MAJORITY", "")).post("/api/v1/votes").then()
                .statusCode(422).body("errors[0].field", equalTo("rule"));
        given().contentType("application/json").body(otherBody.formatted("COMMON_PARTS_USE", "OWNERS_ORDINARY", "")).post("/api/v1/votes").then()
                .statusCode(422).body("errors[0].field", equalTo("rule"));
        // owners' rule with a unit lacking area: refused at entry, naming the entry
        given().contentType("application/json")
                .body(otherBody.formatted("OWNERS_ORDINARY", "OWNERS_ORDINARY", ",\"electors\":[{\"unitId\":\"1\",\"ownerName\":\"甲\"}]"))
                .post("/api/v1/votes").then().statusCode(422).body("errors[0].field", equalTo("electors[0].areaM2"));
        // too many decimals
        given().contentType("application/json")
                .body(otherBody.formatted("OWNERS_ORDINARY", "OWNERS_ORDINARY", ",\"electors\":[{\"unitId\":\"1\",\"ownerName\":\"甲\",\"areaM2\":1.234}]"))
                .post("/api/v1/votes").then().statusCode(422).body("errors[0].field", equalTo("electors[0].areaM2"));
        // narrowed to building 3 entrance 1: a unit of entrance 2 is outside
        String narrowed = otherBody.replace("\"createdBy\"", "\"building\":\"3\",\"entrance\":\"1\",\"createdBy\"");
        given().contentType("application/json")
                .body(narrowed.formatted("OWNERS_ORDINARY", "OWNERS_ORDINARY",
                        ",\"electors\":[{\"unitId\":\"3-2-1\",\"ownerName\":\"甲\",\"building\":\"3\",\"entrance\":\"2\",\"areaM2\":50}]"))
                .post("/api/v1/votes").then().statusCode(422).body("errors[0].field", equalTo("electors[0].entrance"));
    }

    @Test
    void concurrentBallotsAreNeitherLostNorDoubledAndTheChainHolds() throws Exception {
        String topic = deliberatingTopic("PARKING");
        int owners = 300;
        String vote = Api.vote(topic, "OWNERS_ORDINARY", "OWNERS_ORDINARY", 300, roll(owners));
        Api.open(vote);
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<Integer>> results = new ArrayList<>();
        // every owner votes, and every third owner tries twice at the same time
        for (int i = 1; i <= owners; i++) {
            String choice = i % 5 == 0 ? "NO" : i % 7 == 0 ? "ABSTAIN" : "YES";
            String ballot = "{\"unitId\":\"3-1-" + (100 + i) + "\",\"choice\":\"" + choice + "\"}";
            results.add(pool.submit(() -> Api.ballot(vote, ballot).statusCode()));
            if (i % 3 == 0) {
                results.add(pool.submit(() -> Api.ballot(vote, ballot).statusCode()));
            }
        }
        int created = 0;
        int conflicts = 0;
        for (Future<Integer> f : results) {
            int status = f.get(60, TimeUnit.SECONDS);
            if (status == 201) {
                created++;
            } else if (status == 409) {
                conflicts++;
            }
        }
        pool.shutdown();
        assertEquals(owners, created);
        assertEquals(owners / 3, conflicts);
        int no = owners / 5;
        int abstain = 0;
        for (int i = 1; i <= owners; i++) {
            if (i % 5 != 0 && i % 7 == 0) {
                abstain++;
            }
        }
        given().get("/api/v1/votes/" + vote + "/tally").then().body("ballots.total", equalTo(owners)).body("no.owners", equalTo(no))
                .body("abstain.owners", equalTo(abstain)).body("yes.owners", equalTo(owners - no - abstain))
                .body("participating.areaM2", equalTo(owners * 100.0f));
        // the running counters equal a full recount and the chain re-walks without a break
        given().get("/api/v1/votes/" + vote + "/audit").then().body("ballots", equalTo(owners)).body("chainValid", equalTo(true))
                .body("headMatches", equalTo(true)).body("countersMatch", equalTo(true));
        given().get("/api/v1/votes/" + vote + "/ballots?size=200&page=1").then().body("items[0].seq", equalTo(201)).body("total", equalTo(owners));
    }

    @Test
    void tamperingIsDetectedAtTheFirstBrokenLink() throws Exception {
        String topic = deliberatingTopic("PARKING");
        String vote = Api.vote(topic, "GENERAL", "SIMPLE_MAJORITY", 300, roll(5));
        Api.open(vote);
        for (int i = 1; i <= 5; i++) {
            Api.ballot(vote, "{\"unitId\":\"3-1-" + (100 + i) + "\",\"choice\":\"NO\"}").response().then().statusCode(201);
        }
        given().get("/api/v1/votes/" + vote + "/audit").then().body("chainValid", equalTo(true));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // the database itself refuses to change a ballot
            boolean refused = false;
            try {
                s.executeUpdate("update ballot set choice = 'YES' where vote_id = '" + vote + "' and seq = 3");
            } catch (java.sql.SQLException e) {
                refused = e.getMessage().contains("append-only");
            }
            assertTrue(refused, "the trigger must refuse updates");
            // someone with superuser rights bypasses the trigger and flips ballot 3
            s.execute("set session_replication_role = replica");
            s.executeUpdate("update ballot set choice = 'YES' where vote_id = '" + vote + "' and seq = 3");
            s.execute("set session_replication_role = origin");
        }
        given().get("/api/v1/votes/" + vote + "/audit").then().body("chainValid", equalTo(false)).body("firstBrokenSeq", equalTo(3))
                .body("brokenReason", equalTo("HASH_MISMATCH")).body("countersMatch", equalTo(false));
    }

    @Test
    void ownersRuleCannotOpenWithUnitsLackingArea() throws Exception {
        String topic = deliberatingTopic("PARKING");
        String vote = Api.vote(topic, "OWNERS_ORDINARY", "OWNERS_ORDINARY", 300, roll(2));
        // an area removed behind the API's back (e.g. an import from another tool) is still caught when opening
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update elector set area = null where vote_id = '" + vote + "' and unit_id = '3-1-101'");
        }
        given().header("If-Match", Api.etag("/api/v1/votes/" + vote)).post("/api/v1/votes/" + vote + "/open").then().statusCode(422)
                .body("errors[0].field", equalTo("rule"));
        given().post("/api/v1/votes/" + vote + "/open").then().statusCode(428);
    }
}
