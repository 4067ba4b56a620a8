package org.community.consultation.topic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.community.conventions.testing.Problems;
import org.community.conventions.testing.TestClock;
import org.community.consultation.support.Api;
import org.community.consultation.support.Downstreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(Downstreams.class)
class TopicFlowTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    TestClock clock;

    @Test
    void scopeIsCheckedWithOrgService() {
        given().contentType("application/json").body("{\"title\":\"t\",\"description\":\"d\",\"category\":\"OTHER\",\"scopeUnitId\":\""
                + java.util.UUID.randomUUID() + "\",\"proposer\":\"p\"}").post("/api/v1/topics").then().statusCode(422)
                .body("errors[0].field", equalTo("scopeUnitId"));
        given().contentType("application/json").body("{\"title\":\"t\",\"description\":\"d\",\"category\":\"OTHER\",\"scopeUnitId\":\""
                + Downstreams.CITY + "\",\"proposer\":\"p\"}").post("/api/v1/topics").then().statusCode(422);
        given().contentType("application/json").body("{\"title\":\"t\",\"description\":\"d\",\"category\":\"OTHER\",\"scopeUnitId\":\""
                + Downstreams.DISSOLVED + "\",\"proposer\":\"p\"}").post("/api/v1/topics").then().statusCode(422);
        given().contentType("application/json").body("{\"title\":\"\",\"category\":\"MOON\"}").post("/api/v1/topics").then().statusCode(400);
        String id = Api.topic("裕园物业费公开", "PROPERTY_FEES", Downstreams.OTHER_COMPOUND);
        given().get("/api/v1/topics/" + id).then().statusCode(200).body("scope.name", equalTo("裕园小区")).body("scope.level", equalTo("COMPOUND"))
                .body("stage", equalTo("PROPOSED"));
        // listed under the community that contains the compound, not under another compound
        given().get("/api/v1/topics?within=" + Downstreams.COMMUNITY + "&size=200").then().body("items.id", hasItem(id));
        given().get("/api/v1/topics?within=" + Downstreams.COMPOUND + "&size=200").then().body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
    }

    @Test
    void inputsNoTopicCanHoldAre400NamingTheField() {
        given().contentType("application/json").body("{\"title\":\"电梯\\u0000\",\"description\":\"d\",\"category\":\"OTHER\",\"scopeUnitId\":\""
                + Downstreams.BUILDING + "\",\"proposer\":\"p\"}").post("/api/v1/topics")
                .then().spec(Problems.problemNaming(400, "malformed-body", "title"));
        // an unknown category is the caller's mistake in that parameter, not a missing list
        given().header("Accept-Language", "en").get("/api/v1/topics?category=zzz").then().spec(Problems.problemNaming(400, "validation", "category"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("Value \"zzz\" is not one of: "));
        given().get("/api/v1/topics?within=not-a-unit").then().spec(Problems.problemNaming(400, "validation", "within"));
    }

    @Test
    void orgServiceDownIs503AndNothingIsWritten() {
        long before = given().get("/api/v1/topics").then().extract().<Integer>path("total");
        Downstreams.orgDown = true;
        try {
            given().contentType("application/json").header("Accept-Language", "en")
                    .body("{\"title\":\"t\",\"description\":\"d\",\"category\":\"OTHER\",\"scopeUnitId\":\"" + Downstreams.BUILDING
                            + "\",\"proposer\":\"p\"}")
                    .post("/api/v1/topics").then().statusCode(503).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.containsString("org-service"));
        } finally {
            Downstreams.orgDown = false;
        }
        assertEquals(before, (long) given().get("/api/v1/topics").then().extract().<Integer>path("total"));
        downstreamBack();
        Api.topic("恢复后", "OTHER", Downstreams.BUILDING);
    }

    @Test
    void stagesMoveOnlyInOrderWithWhoAndWhy() {
        String id = Api.topic("垃圾站整治", "ENVIRONMENT", Downstreams.COMPOUND);
        Api.move(id, "RESOLUTION").response().then().statusCode(409).body("errors[0].field", equalTo("to"));
        Api.move(id, "CLOSED").response().then().statusCode(409);
        given().contentType("application/json").body("{\"to\":\"JOINT_REVIEW\",\"actor\":\"a\",\"reason\":\"r\"}")
                .post("/api/v1/topics/" + id + "/transitions").then().statusCode(428);
        given().contentType("application/json").header("If-Match", "\"99\"").body("{\"to\":\"JOINT_REVIEW\",\"actor\":\"a\",\"reason\":\"r\"}")
                .post("/api/v1/topics/" + id + "/transitions").then().statusCode(412);
        given().contentType("application/json").header("If-Match", Api.etag("/api/v1/topics/" + id)).body("{\"to\":\"JOINT_REVIEW\",\"actor\":\"a\"}")
                .post("/api/v1/topics/" + id + "/transitions").then().statusCode(400).body("errors.field", hasItem("reason"));
        Api.moveOk(id, "JOINT_REVIEW");
        Api.moveOk(id, "PUBLIC_DELIBERATION");
        // the guard: no decided vote and no consensus
        Api.move(id, "RESOLUTION").response().then().statusCode(409);
        Api.moveOk(id, "WITHDRAWN");
        Api.move(id, "JOINT_REVIEW").response().then().statusCode(409);
        given().get("/api/v1/topics/" + id + "/transitions").then().body("to", contains("JOINT_REVIEW", "PUBLIC_DELIBERATION", "WITHDRAWN"))
                .body("actor", hasItem("社区治理委员会")).body("reason", hasItem("按程序推进"));
    }

    @Test
    void concurrentTransitionsLeaveOneConsistentStage() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = Api.topic("并发", "SAFETY", Downstreams.BUILDING);
            String etag = Api.etag("/api/v1/topics/" + id);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> results = new ArrayList<>();
            String[] targets = { "JOINT_REVIEW", "REJECTED", "WITHDRAWN", "JOINT_REVIEW" };
            for (int i = 0; i < 8; i++) {
                String to = targets[i % targets.length];
                Callable<Integer> call = () -> given().contentType("application/json").header("If-Match", etag)
                        .body("{\"to\":\"" + to + "\",\"actor\":\"a\",\"reason\":\"r\"}").post("/api/v1/topics/" + id + "/transitions").statusCode();
                results.add(pool.submit(call));
            }
            int ok = 0;
            for (Future<Integer> f : results) {
                int status = f.get();
                if (status == 200) {
                    ok++;
                } else {
                    assertEquals(412, status);
                }
            }
            pool.shutdown();
            assertEquals(1, ok);
            JsonPath topic = given().get("/api/v1/topics/" + id).then().extract().jsonPath();
            List<String> log = given().get("/api/v1/topics/" + id + "/transitions").then().extract().jsonPath().getList("to");
            assertEquals(1, log.size());
            assertEquals(log.get(0), topic.getString("stage"));
            assertEquals(2, topic.getInt("version"));
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theElevatorCaseReadsAsOneStory() {
        Downstreams.volunteerDown = false;
        String topic = Api.topic("3 栋 1 单元加装电梯", "ELEVATOR_INSTALLATION", Downstreams.BUILDING);
        Api.moveOk(topic, "JOINT_REVIEW");
        // a round-table meeting with the parties at the table, registration, attendance and minutes per party
        String meeting = given().contentType("application/json").body("{\"title\":\"加梯圆桌会\",\"format\":\"ROUND_TABLE\",\"topicIds\":[\"" + topic
                + "\"],\"startsAt\":\"2023-08-26T19:30:00+08:00\",\"place\":\"议事厅\",\"convener\":\"社区党委 王红\",\"invited\":[{\"party\":"
                + "\"PROPERTY_COMPANY\",\"name\":\"康居物业\"},{\"party\":\"OWNERS_COMMITTEE\",\"name\":\"业委会\"}]}")
                .post("/api/v1/meetings").then().statusCode(201).body("invited", hasSize(2)).extract().path("id");
        given().contentType("application/json").body("{\"personName\":\"张建国\",\"party\":\"RESIDENT\"}").post("/api/v1/meetings/" + meeting
                + "/registrations").then().statusCode(201);
        given().contentType("application/json").body("{\"personName\":\"张建国\",\"party\":\"RESIDENT\"}").post("/api/v1/meetings/" + meeting
                + "/registrations").then().statusCode(409);
        given().contentType("application/json").body("{\"personName\":\"张建国\",\"party\":\"RESIDENT\"}").post("/api/v1/meetings/" + meeting
                + "/attendance").then().statusCode(200);
        given().contentType("application/json").body("{\"personName\":\"物业经理\",\"party\":\"PROPERTY_COMPANY\"}").post("/api/v1/meetings/" + meeting
                + "/attendance").then().statusCode(200);
        given().contentType("application/json").header("If-Match", Api.etag("/api/v1/meetings/" + meeting))
                .body("{\"summary\":\"多数同意,一楼担心采光\",\"recordedBy\":\"居委会 李娜\",\"opinions\":[{\"party\":\"RESIDENT\",\"speaker\":\"王秀英\","
                        + "\"opinion\":\"一楼采光受影响\"},{\"party\":\"PROPERTY_COMPANY\",\"opinion\":\"配合施工\"},{\"party\":\"RESIDENT\","
                        + "\"opinion\":\"老人上下楼难\"}],\"followUps\":[{\"description\":\"测算采光\",\"owner\":\"设计院\",\"dueOn\":\"2023-09-10\"}]}")
                .post("/api/v1/meetings/" + meeting + "/minutes").then().statusCode(200).body("status", equalTo("HELD"))
                .body("registered", equalTo(1)).body("attended", equalTo(2))
                .body("opinions.find { it.party == 'RESIDENT' }.opinions", hasSize(2)).body("followUps", hasSize(1));
        Api.moveOk(topic, "PUBLIC_DELIBERATION");
        // the owners of the building vote: 4 owners, all YES
        String roll = "[{\"unitId\":\"3-1-101\",\"ownerName\":\"王秀英\",\"building\":\"3\",\"areaM2\":90},{\"unitId\":\"3-1-201\",\"ownerName\":\"李\","
                + "\"building\":\"3\",\"areaM2\":90},{\"unitId\":\"3-1-301\",\"ownerName\":\"赵\",\"building\":\"3\",\"areaM2\":90},"
                + "{\"unitId\":\"3-1-401\",\"ownerName\":\"张建国\",\"building\":\"3\",\"areaM2\":90}]";
        String vote = given().contentType("application/json").body("{\"topicId\":\"" + topic + "\",\"title\":\"加梯表决\",\"question\":\"是否同意加装\","
                + "\"matter\":\"REBUILD_OR_ALTER\",\"rule\":\"OWNERS_MAJOR\",\"building\":\"3\",\"opensAt\":\"" + OffsetDateTime.now().minusSeconds(1)
                + "\",\"closesAt\":\"" + OffsetDateTime.now().plusMinutes(5) + "\",\"createdBy\":\"业委会\",\"electors\":" + roll + "}")
                .post("/api/v1/votes").then().statusCode(201).extract().path("id");
        Api.open(vote);
        // while the vote is open the topic cannot reach RESOLUTION
        Api.move(topic, "RESOLUTION").response().then().statusCode(409);
        for (String unit : List.of("3-1-101", "3-1-201", "3-1-301", "3-1-401")) {
            Api.ballot(vote, "{\"unitId\":\"" + unit + "\",\"choice\":\"YES\"}").response().then().statusCode(201);
        }
        given().post("/api/v1/votes/" + vote + "/close").then().statusCode(200).body("outcome", equalTo("PASSED"));
        Api.moveOk(topic, "RESOLUTION");
        String resolution = given().contentType("application/json").body("{\"topicId\":\"" + topic + "\",\"text\":\"3 栋 1 单元加装电梯\",\"basis\":\"VOTE\","
                + "\"voteId\":\"" + vote + "\",\"responsibleParty\":\"加梯工作小组\",\"createdBy\":\"业委会\"}")
                .post("/api/v1/resolutions").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        // objections only during the notice
        given().contentType("application/json").body("{\"ownerName\":\"王秀英\",\"text\":\"采光\"}").post("/api/v1/resolutions/" + resolution
                + "/objections").then().statusCode(409);
        given().contentType("application/json").header("If-Match", Api.etag("/api/v1/resolutions/" + resolution))
                .body("{\"publishedBy\":\"居委会\",\"noticeEndsAt\":\"" + OffsetDateTime.now().plusMinutes(10) + "\"}")
                .post("/api/v1/resolutions/" + resolution + "/publish").then().statusCode(200).body("inNotice", equalTo(true));
        // a community's notice board: its published resolutions, not another compound's; a status narrows
        given().get("/api/v1/resolutions?within=" + Downstreams.COMMUNITY + "&status=PUBLISHED&size=200").then().statusCode(200)
                .body("items.id", hasItem(resolution));
        given().get("/api/v1/resolutions?within=" + Downstreams.OTHER_COMPOUND + "&size=200").then().body("items.id", not(hasItem(resolution)));
        given().get("/api/v1/resolutions?within=" + Downstreams.COMMUNITY + "&status=DRAFT&size=200").then().body("items.id", not(hasItem(resolution)));
        given().get("/api/v1/resolutions?within=" + java.util.UUID.randomUUID()).then().statusCode(200).body("total", equalTo(0));
        given().get("/api/v1/resolutions?status=VOID").then().spec(Problems.problemNaming(400, "validation", "status"));
        String objection = given().contentType("application/json").body("{\"ownerName\":\"王秀英\",\"unitId\":\"3-1-101\",\"text\":\"一楼采光受影响\"}")
                .post("/api/v1/resolutions/" + resolution + "/objections").then().statusCode(201).extract().path("id");
        // PostgreSQL cannot store U+0000: an objection's text with it is refused, naming the field
        given().contentType("application/json").body("{\"ownerName\":\"王秀英\",\"unitId\":\"3-1-101\",\"text\":\"采光\\u0000\"}")
                .post("/api/v1/resolutions/" + resolution + "/objections").then().spec(Problems.problemNaming(400, "malformed-body", "text"));
        // the notice period ends: the clock moves past it instead of the test sleeping
        clock.advance(Duration.ofMinutes(11));
        given().contentType("application/json").body("{\"ownerName\":\"李\",\"text\":\"晚了\"}").post("/api/v1/resolutions/" + resolution
                + "/objections").then().statusCode(409);
        // an unanswered objection holds implementation back
        Api.move(topic, "IMPLEMENTATION").response().then().statusCode(409);
        given().contentType("application/json").body("{\"answer\":\"补偿一楼住户\",\"answeredBy\":\"加梯工作小组\"}")
                .post("/api/v1/resolutions/" + resolution + "/objections/" + objection + "/answer").then().statusCode(200);
        given().contentType("application/json").body("{\"answer\":\"again\",\"answeredBy\":\"x\"}")
                .post("/api/v1/resolutions/" + resolution + "/objections/" + objection + "/answer").then().statusCode(409);
        Api.moveOk(topic, "IMPLEMENTATION");
        given().contentType("application/json").body("{\"title\":\"签订采购合同\",\"owner\":\"加梯\\u0000小组\",\"dueOn\":\"2030-10-31\"}")
                .post("/api/v1/resolutions/" + resolution + "/tasks").then().spec(Problems.problemNaming(400, "malformed-body", "owner"));
        String task = given().contentType("application/json").body("{\"title\":\"签订采购合同\",\"owner\":\"加梯工作小组\",\"dueOn\":\"2030-10-31\"}")
                .post("/api/v1/resolutions/" + resolution + "/tasks").then().statusCode(201).extract().path("id");
        given().contentType("application/json").body("{\"progress\":60,\"note\":\"井道完成\",\"actor\":\"小组\"}")
                .post("/api/v1/resolutions/" + resolution + "/tasks/" + task + "/progress").then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        Api.move(topic, "EVALUATION").response().then().statusCode(409);
        // volunteer-service down: 503 and no project recorded
        Downstreams.volunteerDown = true;
        try {
            given().contentType("application/json").body("{\"title\":\"施工期助老\",\"description\":\"代买代送\",\"teamId\":\"" + Downstreams.TEAM + "\"}")
                    .post("/api/v1/resolutions/" + resolution + "/project").then().statusCode(503).contentType("application/problem+json");
        } finally {
            Downstreams.volunteerDown = false;
        }
        given().get("/api/v1/resolutions/" + resolution).then().body("project", nullValue());
        downstreamBack();
        String project = given().contentType("application/json").body("{\"title\":\"施工期助老\",\"description\":\"代买代送\",\"teamId\":\"" + Downstreams.TEAM + "\"}")
                .post("/api/v1/resolutions/" + resolution + "/project").then().statusCode(201).body("project.status", equalTo("PLANNED"))
                .extract().path("project.projectId");
        given().contentType("application/json").body("{\"title\":\"again\",\"description\":\"d\",\"teamId\":\"" + Downstreams.TEAM + "\"}")
                .post("/api/v1/resolutions/" + resolution + "/project").then().statusCode(409);
        assertEquals(true, Downstreams.PROJECT_BODIES.stream().anyMatch(b -> b.contains(Downstreams.TEAM.toString()) && b.contains("PRACTICAL_MATTER")));
        Downstreams.PROJECT_STATUS.put(project, "IN_PROGRESS");
        given().get("/api/v1/topics/" + topic).then().body("projects[0].status", equalTo("IN_PROGRESS")).body("projects[0].current", equalTo(true));
        Downstreams.volunteerDown = true;
        try {
            // reads keep working with the last known status
            given().get("/api/v1/topics/" + topic).then().statusCode(200).body("projects[0].current", equalTo(false));
        } finally {
            Downstreams.volunteerDown = false;
        }
        downstreamBack();
        given().contentType("application/json").body("{\"progress\":100,\"note\":\"验收\",\"actor\":\"小组\"}")
                .post("/api/v1/resolutions/" + resolution + "/tasks/" + task + "/progress").then().statusCode(200).body("status", equalTo("DONE"));
        given().contentType("application/json").body("{\"progress\":100,\"note\":\"again\",\"actor\":\"小组\"}")
                .post("/api/v1/resolutions/" + resolution + "/tasks/" + task + "/progress").then().statusCode(409);
        given().contentType("application/json").body("{\"topicId\":\"" + topic + "\",\"participant\":\"张建国\",\"rating\":5}").post("/api/v1/evaluations")
                .then().statusCode(409);
        Api.moveOk(topic, "EVALUATION");
        given().contentType("application/json").body("{\"topicId\":\"" + topic + "\",\"participant\":\"张建国\",\"rating\":5,\"comment\":\"方便\"}")
                .post("/api/v1/evaluations").then().statusCode(201);
        given().contentType("application/json").body("{\"topicId\":\"" + topic + "\",\"participant\":\"王秀英\",\"rating\":4}").post("/api/v1/evaluations")
                .then().statusCode(201);
        // the participant's unique key, violated on Hibernate's flush: still 409, naming the field
        given().contentType("application/json").body("{\"topicId\":\"" + topic + "\",\"participant\":\"张建国\",\"rating\":1}").post("/api/v1/evaluations")
                .then().statusCode(409).body("type", endsWith(":conflict")).body("errors[0].field", equalTo("participant"));
        given().contentType("application/json").body("{\"topicId\":\"" + topic + "\",\"participant\":\"赵\",\"rating\":6}").post("/api/v1/evaluations")
                .then().statusCode(400).body("errors[0].field", equalTo("rating"));
        given().get("/api/v1/evaluations/summary?topicId=" + topic).then().body("count", equalTo(2)).body("average", equalTo(4.5f))
                .body("distribution", contains(0, 0, 0, 1, 1));
        Api.moveOk(topic, "CLOSED");
        List<String> kinds = given().get("/api/v1/topics/" + topic + "/timeline").then().statusCode(200).extract().jsonPath().getList("events.kind");
        // the order of the story
        List<String> expected = List.of("TOPIC_PROPOSED", "MEETING_SCHEDULED", "MEETING_HELD", "VOTE_OPENED", "VOTE_CLOSED", "RESOLUTION_PUBLISHED",
                "OBJECTION_FILED", "OBJECTION_ANSWERED", "TASK_CREATED", "TASK_PROGRESS", "PROJECT_STARTED", "EVALUATED");
        int last = -1;
        for (String kind : expected) {
            int at = kinds.indexOf(kind);
            if (at < last) {
                throw new AssertionError(kind + " out of order in " + kinds);
            }
            last = at;
        }
        assertEquals(6, kinds.stream().filter("STAGE_CHANGED"::equals).count());
    }

    /**
     * The failures just provoked may have opened a client's circuit breaker; what follows is about the service once the
     * downstream is back, not about the breaker's own timer (OrgServiceFaultsTest covers that), so close it at once.
     */
    private void downstreamBack() {
        breakers.resetAll();
    }
}
