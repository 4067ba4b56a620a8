package org.community.consultation.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.community.consultation.support.Api;
import org.community.consultation.support.Downstreams;
import org.community.conventions.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Roles × (community A, community B) × representative reads and writes. Every caller is scoped to community A (or
 * the unit of its role that contains or lies in A: district, street, grid, building); B lies in another district.
 * Each side holds a proposal (not public), a topic in public deliberation with a meeting and an open vote, a draft
 * and a published resolution, and a disclosure entry.
 */
@QuarkusTest
@QuarkusTestResource(Downstreams.class)
class AuthorizationMatrixTest {

    /** The records of one community. */
    record Side(UUID compound, String proposed, String publicTopic, String meeting, String vote, String draft, String published,
            String disclosure) {
    }

    static Side a;
    static Side b;
    static final AtomicInteger SEQ = new AtomicInteger();

    @BeforeEach
    void build() {
        if (a == null) {
            // a topic on the resident's building makes its unit known here (residents' community checks use its path)
            Api.topic("1 栋楼道灯", "SAFETY", Downstreams.BUILDING_A);
            a = side(Downstreams.COMPOUND_A, "a");
            b = side(Downstreams.COMPOUND_B, "b");
        }
    }

    /** Built by CITY_ADMIN (the default token). */
    static Side side(UUID compound, String s) {
        String proposed = Api.topic("提议 " + s, "OTHER", compound);
        String pub = Api.topic("群议 " + s, "ENVIRONMENT", compound);
        Api.moveOk(pub, "JOINT_REVIEW");
        Api.moveOk(pub, "PUBLIC_DELIBERATION");
        String meeting = given().contentType("application/json").body("{\"title\":\"议事会 " + s + "\",\"format\":\"ROUND_TABLE\",\"topicIds\":[\""
                + pub + "\"],\"startsAt\":\"" + OffsetDateTime.now().plusDays(1) + "\",\"place\":\"活动室\",\"convener\":\"居委会\"}")
                .post("/api/v1/meetings").then().statusCode(201).extract().path("id");
        String roll = "[{\"unitId\":\"" + s + "-101\",\"ownerName\":\"业主一\",\"areaM2\":90,\"account\":\"resident-" + s + "\"},"
                + "{\"unitId\":\"" + s + "-102\",\"ownerName\":\"业主二\",\"areaM2\":90,\"account\":\"resident2-" + s + "\"},"
                + "{\"unitId\":\"" + s + "-103\",\"ownerName\":\"业主三\",\"areaM2\":90}]";
        String vote = Api.vote(pub, "OWNERS_ORDINARY", "OWNERS_ORDINARY", 3600, roll);
        Api.open(vote);
        String decided = Api.topic("决议 " + s, "PROPERTY_FEES", compound);
        Api.moveOk(decided, "JOINT_REVIEW");
        given().contentType("application/json").header("If-Match", Api.etag("/api/v1/topics/" + decided))
                .body("{\"summary\":\"一致同意\",\"recordedBy\":\"居委会\"}").post("/api/v1/topics/" + decided + "/consensus").then().statusCode(200);
        Api.moveOk(decided, "PUBLIC_DELIBERATION");
        Api.moveOk(decided, "RESOLUTION");
        String draft = resolution(decided);
        String published = resolution(decided);
        given().contentType("application/json").header("If-Match", Api.etag("/api/v1/resolutions/" + published))
                .body("{\"publishedBy\":\"居委会\"}").post("/api/v1/resolutions/" + published + "/publish").then().statusCode(200);
        String disclosure = given().contentType("application/json").body(entry(compound)).post("/api/v1/disclosures").then().statusCode(201)
                .extract().path("id");
        return new Side(compound, proposed, pub, meeting, vote, draft, published, disclosure);
    }

    static String resolution(String topic) {
        return given().contentType("application/json").body("{\"topicId\":\"" + topic + "\",\"text\":\"物业费公示\",\"basis\":\"CONSENSUS\","
                + "\"responsibleParty\":\"物业\",\"createdBy\":\"居委会\"}").post("/api/v1/resolutions").then().statusCode(201).extract().path("id");
    }

    static String entry(UUID compound) {
        return "{\"compoundId\":\"" + compound + "\",\"fund\":\"PUBLIC_INCOME\",\"direction\":\"INCOME\",\"amount\":\"100.00\",\"occurredOn\":\""
                + LocalDate.now(org.community.conventions.http.Times.ZONE) + "\",\"summary\":\"停车费\",\"recordedBy\":\"财务\"}";
    }

    /** The token of each role: scoped to community A or the unit of that role around or inside it. */
    static String token(String role) {
        return switch (role) {
            case "CITY_ADMIN" -> Tokens.of("city-admin-x", role);
            case "DISTRICT_ADMIN" -> Tokens.of("district-a", role, Downstreams.DISTRICT_A.toString());
            case "STREET_ADMIN" -> Tokens.of("street-a", role, Downstreams.STREET_A.toString());
            case "COMMUNITY_SECRETARY" -> Tokens.of("secretary-a", role, Downstreams.COMMUNITY_A.toString());
            case "GRID_WORKER" -> Tokens.of("grid-a", role, Downstreams.GRID_A.toString());
            case "TEAM_LEADER" -> Tokens.of("leader-a", role, Downstreams.COMMUNITY_A.toString());
            case "VOLUNTEER" -> Tokens.of("volunteer-a", role, Downstreams.COMMUNITY_A.toString());
            case "RESIDENT" -> Tokens.of("resident-a", role, Downstreams.BUILDING_A.toString());
            default -> throw new IllegalArgumentException(role);
        };
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    /** The operations of the matrix, by column name: each returns the status the caller got. */
    static final Map<String, BiFunction<String, Side, Integer>> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("proposal", (t, s) -> as(t).get("/api/v1/topics/" + s.proposed()).statusCode());
        OPERATIONS.put("publicTopic", (t, s) -> as(t).get("/api/v1/topics/" + s.publicTopic() + "/timeline").statusCode());
        OPERATIONS.put("meeting", (t, s) -> as(t).get("/api/v1/meetings/" + s.meeting()).statusCode());
        OPERATIONS.put("vote", (t, s) -> as(t).get("/api/v1/votes/" + s.vote()).statusCode());
        OPERATIONS.put("tally", (t, s) -> as(t).get("/api/v1/votes/" + s.vote() + "/tally").statusCode());
        OPERATIONS.put("draft", (t, s) -> as(t).get("/api/v1/resolutions/" + s.draft()).statusCode());
        OPERATIONS.put("published", (t, s) -> as(t).get("/api/v1/resolutions/" + s.published()).statusCode());
        OPERATIONS.put("disclosure", (t, s) -> as(t).get("/api/v1/disclosures/" + s.disclosure()).statusCode());
        OPERATIONS.put("propose", (t, s) -> as(t).body("{\"title\":\"新提议\",\"description\":\"d\",\"category\":\"OTHER\",\"scopeUnitId\":\""
                + s.compound() + "\",\"proposer\":\"p\"}").post("/api/v1/topics").statusCode());
        OPERATIONS.put("consensus", (t, s) -> as(t).header("If-Match", Api.etag("/api/v1/topics/" + s.publicTopic()))
                .body("{\"summary\":\"共识\",\"recordedBy\":\"r\"}").post("/api/v1/topics/" + s.publicTopic() + "/consensus").statusCode());
        OPERATIONS.put("attend", (t, s) -> as(t).body("{\"personName\":\"居民 " + SEQ.incrementAndGet() + "\",\"party\":\"RESIDENT_REPRESENTATIVE\"}")
                .post("/api/v1/meetings/" + s.meeting() + "/attendance").statusCode());
        OPERATIONS.put("task", (t, s) -> as(t).body("{\"title\":\"公示栏更新\",\"owner\":\"物业\",\"dueOn\":\"" + LocalDate.now(org.community.conventions.http.Times.ZONE).plusDays(30) + "\"}")
                .post("/api/v1/resolutions/" + s.published() + "/tasks").statusCode());
        OPERATIONS.put("object", (t, s) -> as(t).body("{\"ownerName\":\"业主\",\"text\":\"有异议\"}")
                .post("/api/v1/resolutions/" + s.published() + "/objections").statusCode());
        OPERATIONS.put("disclose", (t, s) -> as(t).body(entry(s.compound())).post("/api/v1/disclosures").statusCode());
        OPERATIONS.put("audit", (t, s) -> as(t).get("/api/v1/consultation-audit").statusCode());
    }

    /**
     * One row per role and side; one column per operation (reads of a proposal, a public topic's timeline, a meeting,
     * a vote, its tally, a draft and a published resolution, a disclosure; writes: propose a topic on the side's
     * compound, record a consensus on its public topic, record attendance at its meeting, add a task to and object to
     * its published resolution, disclose an income; read the audit log). 404: not visible (no existence leak);
     * 403: visible or named, but not the caller's to do.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # role              | side | proposal | publicTopic | meeting | vote | tally | draft | published | disclosure | propose | consensus | attend | task | object | disclose | audit
            CITY_ADMIN          | A    | 200      | 200         | 200     | 200  | 200   | 200   | 200       | 200        | 201     | 200       | 200    | 201  | 201    | 201      | 200
            DISTRICT_ADMIN      | A    | 200      | 200         | 200     | 200  | 200   | 200   | 200       | 200        | 201     | 200       | 200    | 201  | 201    | 201      | 200
            STREET_ADMIN        | A    | 200      | 200         | 200     | 200  | 200   | 200   | 200       | 200        | 201     | 200       | 200    | 201  | 201    | 201      | 200
            COMMUNITY_SECRETARY | A    | 200      | 200         | 200     | 200  | 200   | 200   | 200       | 200        | 201     | 200       | 200    | 201  | 201    | 201      | 200
            GRID_WORKER         | A    | 200      | 200         | 200     | 200  | 200   | 200   | 200       | 200        | 201     | 403       | 200    | 403  | 201    | 403      | 403
            TEAM_LEADER         | A    | 404      | 200         | 404     | 404  | 404   | 404   | 200       | 200        | 201     | 403       | 404    | 403  | 201    | 403      | 403
            VOLUNTEER           | A    | 404      | 200         | 404     | 404  | 404   | 404   | 200       | 200        | 201     | 403       | 404    | 403  | 201    | 403      | 403
            RESIDENT            | A    | 404      | 200         | 404     | 200  | 403   | 404   | 200       | 200        | 403     | 403       | 404    | 403  | 201    | 403      | 403
            CITY_ADMIN          | B    | 200      | 200         | 200     | 200  | 200   | 200   | 200       | 200        | 201     | 200       | 200    | 201  | 201    | 201      | 200
            DISTRICT_ADMIN      | B    | 404      | 200         | 404     | 404  | 404   | 404   | 200       | 200        | 403     | 403       | 404    | 403  | 403    | 403      | 200
            STREET_ADMIN        | B    | 404      | 200         | 404     | 404  | 404   | 404   | 200       | 200        | 403     | 403       | 404    | 403  | 403    | 403      | 200
            COMMUNITY_SECRETARY | B    | 404      | 200         | 404     | 404  | 404   | 404   | 200       | 200        | 403     | 403       | 404    | 403  | 403    | 403      | 200
            GRID_WORKER         | B    | 404      | 200         | 404     | 404  | 404   | 404   | 200       | 200        | 403     | 403       | 404    | 403  | 403    | 403      | 403
            TEAM_LEADER         | B    | 404      | 200         | 404     | 404  | 404   | 404   | 200       | 200        | 403     | 403       | 404    | 403  | 403    | 403      | 403
            VOLUNTEER           | B    | 404      | 200         | 404     | 404  | 404   | 404   | 200       | 200        | 403     | 403       | 404    | 403  | 403    | 403      | 403
            RESIDENT            | B    | 404      | 200         | 404     | 404  | 404   | 404   | 200       | 200        | 403     | 403       | 404    | 403  | 403    | 403      | 403
            """)
    void matrix(String role, String side, int proposal, int publicTopic, int meeting, int vote, int tally, int draft, int published,
            int disclosure, int propose, int consensus, int attend, int task, int object, int disclose, int audit) {
        int[] expected = { proposal, publicTopic, meeting, vote, tally, draft, published, disclosure, propose, consensus, attend, task, object,
                disclose, audit };
        String token = token(role);
        Side target = side.equals("A") ? a : b;
        List<String> wrong = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, BiFunction<String, Side, Integer>> op : OPERATIONS.entrySet()) {
            int actual = op.getValue().apply(token, target);
            if (actual != expected[i]) {
                wrong.add(op.getKey() + ": expected " + expected[i] + ", got " + actual);
            }
            i++;
        }
        assertTrue(wrong.isEmpty(), role + " on " + side + ": " + wrong);
    }

    /** Lists never show B's records that are not public; readers in scope see A's. */
    @ParameterizedTest
    @ValueSource(strings = { "CITY_ADMIN", "DISTRICT_ADMIN", "STREET_ADMIN", "COMMUNITY_SECRETARY", "GRID_WORKER", "TEAM_LEADER", "VOLUNTEER",
            "RESIDENT" })
    void listsAreFilteredToTheScope(String role) {
        String token = token(role);
        boolean city = role.equals("CITY_ADMIN");
        boolean reader = city || List.of("DISTRICT_ADMIN", "STREET_ADMIN", "COMMUNITY_SECRETARY", "GRID_WORKER").contains(role);
        List<String> topics = ids(as(token).get("/api/v1/topics?size=200").then().statusCode(200).extract().jsonPath());
        assertEquals(reader, topics.contains(a.proposed()), "A's proposal");
        assertEquals(city, topics.contains(b.proposed()), "B's proposal");
        assertTrue(topics.contains(a.publicTopic()) && topics.contains(b.publicTopic()), "public topics");
        List<String> meetings = ids(as(token).get("/api/v1/meetings?size=200").then().statusCode(200).extract().jsonPath());
        assertEquals(reader, meetings.contains(a.meeting()), "A's meeting");
        assertEquals(city, meetings.contains(b.meeting()), "B's meeting");
        List<String> votes = ids(as(token).get("/api/v1/votes?size=200").then().statusCode(200).extract().jsonPath());
        assertEquals(reader || role.equals("RESIDENT"), votes.contains(a.vote()), "A's vote");
        assertEquals(city, votes.contains(b.vote()), "B's vote");
        List<String> resolutions = ids(as(token).get("/api/v1/resolutions?size=200").then().statusCode(200).extract().jsonPath());
        assertEquals(reader, resolutions.contains(a.draft()), "A's draft");
        assertEquals(city, resolutions.contains(b.draft()), "B's draft");
        assertTrue(resolutions.contains(a.published()) && resolutions.contains(b.published()), "published resolutions");
        // within= only narrows: B's subtree shows B's public topics, never its proposal
        List<String> withinB = ids(as(token).get("/api/v1/topics?size=200&within=" + Downstreams.COMMUNITY_B).then().statusCode(200)
                .extract().jsonPath());
        assertEquals(city, withinB.contains(b.proposed()));
        assertTrue(withinB.contains(b.publicTopic()));
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("items.id");
    }

    @ParameterizedTest
    @ValueSource(strings = { "none", "empty", "malformed", "expired", "tampered", "badSignature", "wrongIssuer", "wrongAudience" })
    void badTokensAre401Problems(String kind) {
        String header = switch (kind) {
            case "none", "empty" -> "";
            case "malformed" -> "Bearer not.a.jwt";
            case "expired" -> "Bearer " + Tokens.expired("CITY_ADMIN");
            case "tampered" -> "Bearer " + Tokens.tampered("RESIDENT");
            case "badSignature" -> "Bearer " + Tokens.badSignature("CITY_ADMIN");
            case "wrongIssuer" -> "Bearer " + Tokens.wrongIssuer("CITY_ADMIN");
            case "wrongAudience" -> "Bearer " + Tokens.wrongAudience("CITY_ADMIN");
            default -> throw new IllegalArgumentException(kind);
        };
        for (String path : List.of("/api/v1/topics", "/api/v1/votes/" + a.vote() + "/tally", "/api/v1/consultation-audit")) {
            given().header("Authorization", header).header("Accept-Language", "en").get(path).then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo("urn:community-suite:problem:unauthorized")).body("title", equalTo("Not authenticated"));
        }
        given().header("Authorization", header).contentType("application/json").body(entry(Downstreams.COMPOUND_A)).post("/api/v1/disclosures")
                .then().statusCode(401).body("title", equalTo("未认证"));
    }

    @Test
    void healthAndOpenApiStayOpen() {
        given().header("Authorization", "").get("/q/health/live").then().statusCode(200);
        given().header("Authorization", "").get("/q/openapi").then().statusCode(200);
    }

    /** A replayed Idempotency-Key answers only the caller who sent the first request. */
    @Test
    void idempotentReplaysNeedTheSameCaller() {
        String key = "matrix-" + UUID.randomUUID();
        String body = "{\"title\":\"幂等\",\"owner\":\"物业\",\"dueOn\":\"" + LocalDate.now(org.community.conventions.http.Times.ZONE).plusDays(3) + "\"}";
        String path = "/api/v1/resolutions/" + a.published() + "/tasks";
        String id = as(token("COMMUNITY_SECRETARY")).header("Idempotency-Key", key).body(body).post(path).then().statusCode(201).extract()
                .path("id");
        as(token("COMMUNITY_SECRETARY")).header("Idempotency-Key", key).body(body).post(path).then().statusCode(201).body("id", equalTo(id));
        given().header("Authorization", "").contentType("application/json").header("Idempotency-Key", key).body(body).post(path).then()
                .statusCode(401);
        as(token("RESIDENT")).header("Idempotency-Key", key).body(body).post(path).then().statusCode(403);
        as(Tokens.of("secretary-b", "COMMUNITY_SECRETARY", Downstreams.COMMUNITY_B.toString())).header("Idempotency-Key", key).body(body)
                .post(path).then().statusCode(403);
    }

    @Test
    void forbiddenIsAProblem() {
        as(token("RESIDENT")).header("Accept-Language", "en").get("/api/v1/consultation-audit").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:community-suite:problem:forbidden"));
    }

    @Test
    void auditRecordsActorAndRequestAndIsReadByAdminsInScope() {
        String secretary = token("COMMUNITY_SECRETARY");
        String taskId = as(secretary).header("X-Request-Id", "audit-req-1")
                .body("{\"title\":\"审计任务\",\"owner\":\"物业\",\"dueOn\":\"" + LocalDate.now(org.community.conventions.http.Times.ZONE).plusDays(9) + "\"}")
                .post("/api/v1/resolutions/" + a.published() + "/tasks").then().statusCode(201).extract().path("id");
        // a failed write leaves no entry
        as(secretary).header("X-Request-Id", "audit-req-failed").body("{\"title\":\"x\",\"owner\":\"y\",\"dueOn\":\"" + LocalDate.now(org.community.conventions.http.Times.ZONE) + "\"}")
                .post("/api/v1/resolutions/" + a.draft() + "/tasks").then().statusCode(409);
        JsonPath log = as(secretary).get("/api/v1/consultation-audit?resourceType=resolution&size=200&within=" + Downstreams.COMMUNITY_A)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> entries = log.getList("items");
        Map<String, Object> entry = entries.stream().filter(e -> "audit-req-1".equals(e.get("requestId"))).findFirst().orElseThrow();
        assertEquals("task.create", entry.get("action"));
        assertEquals("secretary-a", entry.get("actor"));
        assertEquals(a.published(), entry.get("resourceId"));
        assertEquals(List.of("COMMUNITY_SECRETARY"), entry.get("roles"));
        assertEquals(taskId, ((Map<?, ?>) entry.get("summary")).get("taskId"));
        assertTrue(entries.stream().noneMatch(e -> "audit-req-failed".equals(e.get("requestId"))), "no entry for a failed write");
        // newest first
        List<String> times = log.getList("items.occurredAt");
        for (int i = 1; i < times.size(); i++) {
            assertTrue(OffsetDateTime.parse(times.get(i - 1)).compareTo(OffsetDateTime.parse(times.get(i))) >= 0);
        }
        // an admin of B's community sees none of A's changes and may not ask for A's subtree
        String secretaryB = Tokens.of("secretary-b", "COMMUNITY_SECRETARY", Downstreams.COMMUNITY_B.toString());
        as(secretaryB).get("/api/v1/consultation-audit?resourceId=" + a.published()).then().statusCode(200).body("total", equalTo(0));
        as(secretaryB).get("/api/v1/consultation-audit?within=" + Downstreams.COMMUNITY_A).then().statusCode(403);
        as(token("GRID_WORKER")).get("/api/v1/consultation-audit").then().statusCode(403);
        // the city admin sees everything, the vote closer's and ballots' entries included
        given().get("/api/v1/consultation-audit?resourceId=" + a.vote() + "&size=200").then().statusCode(200)
                .body("items.action", hasItem("vote.open")).body("items.action", hasItem("vote.create"));
    }

    @Test
    void residentsCastAndReadTheirOwnBallotOnly() {
        String resident = token("RESIDENT");
        String resident2 = Tokens.of("resident2-a", "RESIDENT", Downstreams.BUILDING_A.toString());
        // someone else's unit, or a paper ballot, is not theirs to cast
        as(resident2).body("{\"unitId\":\"a-101\",\"choice\":\"NO\"}").post("/api/v1/votes/" + a.vote() + "/ballots").then().statusCode(403);
        as(resident).body("{\"choice\":\"YES\",\"channel\":\"PAPER\",\"evidenceRef\":\"e\",\"enteredBy\":\"me\"}")
                .post("/api/v1/votes/" + a.vote() + "/ballots").then().statusCode(403);
        as(resident).get("/api/v1/votes/" + a.vote() + "/ballots/mine").then().statusCode(200).body("size()", equalTo(0));
        as(resident).body("{\"choice\":\"YES\"}").post("/api/v1/votes/" + a.vote() + "/ballots").then().statusCode(201)
                .body("ownerKey", equalTo("unit:a-101")).body("channel", equalTo("ONLINE"));
        as(resident).body("{\"unitId\":\"a-101\",\"choice\":\"NO\"}").post("/api/v1/votes/" + a.vote() + "/ballots").then().statusCode(409);
        as(resident).get("/api/v1/votes/" + a.vote() + "/ballots/mine").then().statusCode(200).body("size()", equalTo(1))
                .body("[0].choice", equalTo("YES"));
        as(resident2).get("/api/v1/votes/" + a.vote() + "/ballots/mine").then().statusCode(200).body("size()", equalTo(0));
        // the whole chain and the roll are not theirs to read; B's vote does not exist for them
        as(resident).get("/api/v1/votes/" + a.vote() + "/ballots").then().statusCode(403);
        as(resident).get("/api/v1/votes/" + a.vote() + "/electors").then().statusCode(403);
        as(resident).body("{\"choice\":\"YES\"}").post("/api/v1/votes/" + b.vote() + "/ballots").then().statusCode(404);
        // an owner on the roll of a vote that is not open yet hears so, like everybody
        String draft = Api.vote(a.publicTopic(), "OWNERS_ORDINARY", "OWNERS_ORDINARY", 3600, "[{\"unitId\":\"a-201\",\"ownerName\":\"业主\","
                + "\"areaM2\":80,\"account\":\"resident-a\"}]");
        as(resident).body("{\"choice\":\"YES\"}").post("/api/v1/votes/" + draft + "/ballots").then().statusCode(409);
        as(resident2).body("{\"choice\":\"YES\"}").post("/api/v1/votes/" + draft + "/ballots").then().statusCode(404);
        // a grid worker is not on the roll: no ballot of their own
        as(token("GRID_WORKER")).body("{\"choice\":\"YES\"}").post("/api/v1/votes/" + a.vote() + "/ballots").then().statusCode(403);
        // staff record paper ballots
        as(token("COMMUNITY_SECRETARY")).body("{\"unitId\":\"a-103\",\"choice\":\"NO\",\"channel\":\"PAPER\",\"evidenceRef\":\"纸票 3\","
                + "\"enteredBy\":\"网格员\"}").post("/api/v1/votes/" + a.vote() + "/ballots").then().statusCode(201);
        JsonPath log = given().get("/api/v1/consultation-audit?resourceType=vote&resourceId=" + a.vote() + "&size=200").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(log.getList("items.actor").contains("resident-a"));
        assertTrue(log.getList("items.actor").contains("secretary-a"));
        assertTrue(log.getList("items.summary.channel").contains("PAPER"));
    }

    @Test
    void residentsProposeInTheirOwnSubtreeOnly() {
        String resident = token("RESIDENT");
        String id = as(resident).body("{\"title\":\"楼道堆物\",\"description\":\"d\",\"category\":\"SAFETY\",\"scopeUnitId\":\""
                + Downstreams.BUILDING_A + "\",\"proposer\":\"居民\"}").post("/api/v1/topics").then().statusCode(201).extract().path("id");
        // their own proposal is theirs to read before it is public; nobody else's resident sees it
        as(resident).get("/api/v1/topics/" + id).then().statusCode(200);
        assertTrue(ids(as(resident).get("/api/v1/topics?size=200").then().extract().jsonPath()).contains(id));
        as(Tokens.of("resident-other", "RESIDENT", Downstreams.BUILDING_A.toString())).get("/api/v1/topics/" + id).then().statusCode(404);
        // without org units, nowhere
        as(Tokens.of("resident-nowhere", "RESIDENT")).body("{\"title\":\"t\",\"description\":\"d\",\"category\":\"OTHER\",\"scopeUnitId\":\""
                + Downstreams.BUILDING_A + "\",\"proposer\":\"p\"}").post("/api/v1/topics").then().statusCode(403);
    }

    @Test
    void tokensArePassedOnAndReadsSurviveOrgServiceDown() {
        String secretary = token("COMMUNITY_SECRETARY");
        as(secretary).body("{\"title\":\"传递令牌\",\"description\":\"d\",\"category\":\"OTHER\",\"scopeUnitId\":\"" + Downstreams.BUILDING_A
                + "\",\"proposer\":\"p\"}").post("/api/v1/topics").then().statusCode(201);
        assertEquals("Bearer " + secretary, Downstreams.lastOrgAuthorization);
        as(secretary).body("{\"title\":\"助老\",\"description\":\"施工期助老\",\"teamId\":\"" + Downstreams.TEAM + "\"}")
                .post("/api/v1/resolutions/" + a.published() + "/project").then().statusCode(201);
        assertEquals("Bearer " + secretary, Downstreams.lastVolunteerAuthorization);
        String resident = token("RESIDENT");
        as(resident).get("/api/v1/resolutions/" + a.published()).then().statusCode(200).body("project.current", equalTo(true))
                .body("objections", org.hamcrest.Matchers.nullValue()).body("objectionCount", org.hamcrest.Matchers.notNullValue());
        assertEquals("Bearer " + resident, Downstreams.lastVolunteerAuthorization);
        Downstreams.orgDown = true;
        try {
            as(secretary).get("/api/v1/topics/" + a.proposed()).then().statusCode(200);
            assertTrue(ids(as(secretary).get("/api/v1/topics?size=200").then().statusCode(200).extract().jsonPath()).contains(a.proposed()));
            as(token("GRID_WORKER")).get("/api/v1/meetings/" + a.meeting()).then().statusCode(200);
        } finally {
            Downstreams.orgDown = false;
        }
    }

    /** The callee judges the caller's own token; its refusal is the caller's 403, not an outage. */
    @Test
    void aRefusalDownstreamIsTheCallersForbidden() {
        given().contentType("application/json").body("{\"title\":\"t\",\"description\":\"d\",\"category\":\"OTHER\",\"scopeUnitId\":\""
                + Downstreams.REFUSED_UNIT + "\",\"proposer\":\"p\"}").post("/api/v1/topics").then().statusCode(403)
                .contentType("application/problem+json");
        String fresh = resolution(given().get("/api/v1/resolutions/" + b.published()).then().extract().path("topicId"));
        given().contentType("application/json").header("If-Match", Api.etag("/api/v1/resolutions/" + fresh)).body("{\"publishedBy\":\"居委会\"}")
                .post("/api/v1/resolutions/" + fresh + "/publish").then().statusCode(200);
        given().contentType("application/json").body("{\"title\":\"助老\",\"description\":\"d\",\"teamId\":\"" + Downstreams.REFUSED_TEAM + "\"}")
                .post("/api/v1/resolutions/" + fresh + "/project").then().statusCode(403);
        given().get("/api/v1/resolutions/" + fresh).then().statusCode(200).body("project", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void publicTimelinesLeaveOutMeetingsAndPeople() {
        List<String> kinds = as(token("RESIDENT")).get("/api/v1/topics/" + a.publicTopic() + "/timeline").then().statusCode(200).extract()
                .jsonPath().getList("events.kind");
        assertTrue(kinds.contains("VOTE_OPENED"));
        assertTrue(kinds.stream().noneMatch(k -> k.startsWith("MEETING")), kinds.toString());
        List<String> full = as(token("GRID_WORKER")).get("/api/v1/topics/" + a.publicTopic() + "/timeline").then().statusCode(200).extract()
                .jsonPath().getList("events.kind");
        assertTrue(full.contains("MEETING_SCHEDULED"));
        as(token("RESIDENT")).get("/api/v1/topics/" + a.publicTopic() + "/timeline").then().body("events.kind", not(hasItem("EVALUATED")));
    }
}
