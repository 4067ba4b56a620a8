package org.community.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.community.seeds.Summary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The whole suite for real: one embedded PostgreSQL, the three services and the gateway as four processes on
 * free ports, the seeds loaded through the gateway, and every call below made through the gateway as one of
 * the demo accounts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalSuiteE2ETest {

    private static LocalSuite suite;
    private static Summary firstLoad;
    private static String gateway;

    @BeforeAll
    static void startTheSuiteAndLoadTheSeeds() throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        OwningSpecs.validateEveryAnswer(repo);
        Path data = Files.createDirectories(Path.of("target/e2e")).toAbsolutePath();
        suite = new LocalSuite(LocalSuite.Config.of(repo).withPorts(Ports.free()).withDataDir(data).withFresh(true).withEcho(false));
        suite.start();
        gateway = suite.gatewayUrl();
        firstLoad = suite.loadSeeds();
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    private static Gateway as(String username, String password) {
        return Gateway.login(gateway, username, password);
    }

    private static Gateway cityAdmin() {
        return as("city-admin", "demo-city");
    }

    @Test
    @Order(0)
    void postgresKeepsWhatItAcknowledgesByDefault() {
        // zonky starts PostgreSQL with -F; the suite turns fsync back on unless --unsafe-fast-storage asks otherwise
        assertThat(suite.postgresSetting("fsync")).isEqualTo("on");
        assertThat(suite.postgresSetting("synchronous_commit")).isEqualTo("on");
    }

    @Test
    @Order(1)
    void theSeedFiguresReadBackThroughTheApi() {
        Gateway admin = cityAdmin();
        JsonPath jiangxinyuan = admin.get("/api/v1/org-units/" + admin.unit("JXY") + "/stats").then().statusCode(200).extract().jsonPath();
        assertThat(jiangxinyuan.getLong("units.byForm.BRANCH")).as("江欣苑 branches").isEqualTo(8);
        assertThat(jiangxinyuan.getLong("units.byForm.GROUP")).as("江欣苑 building groups").isEqualTo(88);
        assertThat(jiangxinyuan.getLong("centralHouseholds")).as("江欣苑 central households").isEqualTo(177);

        JsonPath beizhan = admin.get("/api/v1/org-units/" + admin.unit("BZ") + "/stats").then().statusCode(200).extract().jsonPath();
        assertThat(beizhan.getLong("units.byForm.BRANCH")).as("北站 branches").isEqualTo(15);
        assertThat(beizhan.getLong("members.partyMembers")).as("北站 members").isEqualTo(368);
        // 北站's dues: every member owes November 2026, 15 are behind, one of them for more than six months
        JsonPath november = admin.get("/api/v1/dues/units/" + admin.unit("BZ") + "/collection?month=2026-11").then().statusCode(200)
                .extract().jsonPath();
        assertThat(november.getLong("total.liable")).as("北站 members owing dues").isEqualTo(368);
        assertThat(november.getLong("total.paid")).as("北站 members paid for 2026-11").isEqualTo(353);
        assertThat(admin.get("/api/v1/dues/units/" + admin.unit("BZ") + "/arrears?asOf=2026-11&flaggedOnly=true").then().statusCode(200)
                .extract().<Integer>path("total")).as("北站 members flagged after six unpaid months").isEqualTo(1);

        JsonPath kangcheng = admin.get("/api/v1/org-units/" + admin.unit("KC") + "/stats").then().statusCode(200).extract().jsonPath();
        assertThat(kangcheng.getLong("units.byLevel.BUILDING")).as("康城 buildings").isEqualTo(286);

        JsonPath binhu = admin.get("/api/v1/teams/stats?orgUnitId=" + admin.unit("BHSJ")).then().statusCode(200).extract().jsonPath();
        assertThat(binhu.getLong("teams")).as("滨湖世纪 teams").isEqualTo(68);
        assertThat(binhu.getLong("volunteers")).as("滨湖世纪 volunteers").isEqualTo(15_000);

        String wenchang = admin.unit("WCHY");
        JsonPath topics = admin.get("/api/v1/topics?within=" + wenchang + "&size=200").then().statusCode(200).extract().jsonPath();
        String elevator = topics.<Map<String, Object>>getList("items").stream()
                .filter(t -> String.valueOf(t.get("title")).contains("电梯")).map(t -> (String) t.get("id")).findFirst().orElseThrow();
        assertThat(admin.get("/api/v1/meetings?topicId=" + elevator).then().statusCode(200).extract().<Integer>path("total"))
                .as("文康苑 elevator meetings").isGreaterThanOrEqualTo(40);
        List<String> resolutions = admin.get("/api/v1/resolutions?topicId=" + elevator).then().statusCode(200).extract().jsonPath()
                .getList("items.text");
        assertThat(resolutions).anySatisfy(text -> assertThat(text).contains("19"));

        assertThat(admin.get("/api/v1/partners?orgUnitId=" + admin.unit("XS") + "&size=1").then().statusCode(200)
                .extract().<Integer>path("total")).as("西山 partners").isEqualTo(43);
        assertThat(admin.get("/api/v1/disclosures?compoundId=" + admin.unit("YY-DFXTD") + "&fund=PROPERTY_FUND").then().statusCode(200)
                .extract().<Integer>path("total")).as("东方新天地花园 trust-fund entries").isEqualTo(3);
    }

    @Test
    @Order(2)
    void loadingTheSeedsAgainCreatesNothing() {
        assertThat(firstLoad.created()).isPositive();
        Summary again = suite.loadSeeds();
        assertThat(again.created()).as(again.table()).isZero();
    }

    @Test
    @Order(3)
    void aTopicGoesThroughAnOwnersVoteToAResolutionWhoseVolunteerProjectShowsOnTheTopic() throws Exception {
        // the community secretary of 江欣苑 does all of it with her own token; each service checks her scope
        Gateway secretary = as("secretary", "demo-secretary");
        Gateway admin = cityAdmin();
        String community = admin.unit("JXY");
        String building = admin.unit("JXY-C1-B1");

        String leader = secretary.create("/api/v1/volunteers", Map.of("name", "刘建华", "phone", phone(), "orgUnitId", community));
        String team = secretary.create("/api/v1/teams", Map.of("name", "江欣苑加梯助老服务队 " + suffix(), "orgUnitId", community,
                "category", "ELDER_CARE", "leaderId", leader));

        String topic = secretary.create("/api/v1/topics", Map.of("title", "1栋加装电梯", "description", "多层住宅老人上下楼难,提议加装电梯",
                "category", "ELEVATOR_INSTALLATION", "scopeUnitId", building, "proposer", "1栋居民代表"));
        move(secretary, topic, "JOINT_REVIEW");
        move(secretary, topic, "PUBLIC_DELIBERATION");

        List<Map<String, Object>> owners = List.of(
                Map.of("unitId", "1-1-101", "ownerName", "王秀英", "building", "1", "areaM2", 89.5),
                Map.of("unitId", "1-1-201", "ownerName", "李强", "building", "1", "areaM2", 89.5),
                Map.of("unitId", "1-1-301", "ownerName", "赵敏", "building", "1", "areaM2", 102),
                Map.of("unitId", "1-1-401", "ownerName", "张建国", "building", "1", "areaM2", 102));
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        String vote = secretary.create("/api/v1/votes", Map.of("topicId", topic, "title", "1栋加装电梯表决", "question", "是否同意加装电梯",
                "matter", "REBUILD_OR_ALTER", "rule", "OWNERS_MAJOR", "building", "1", "opensAt", now.minusSeconds(5).toString(),
                "closesAt", now.plusMinutes(10).toString(), "createdBy", "江欣苑社区党委", "electors", owners));
        secretary.postIfMatch("/api/v1/votes/" + vote, "/api/v1/votes/" + vote + "/open", null).then().statusCode(200);
        for (Map<String, Object> owner : owners) {
            secretary.post("/api/v1/votes/" + vote + "/ballots", Map.of("unitId", owner.get("unitId"), "choice", "YES",
                    "channel", "PAPER", "evidenceRef", "纸质表决票 " + owner.get("unitId"), "enteredBy", "居委会 李娜")).then().statusCode(201);
        }
        secretary.postIfMatch("/api/v1/votes/" + vote, "/api/v1/votes/" + vote + "/close", null).then().statusCode(200)
                .body("outcome", equalTo("PASSED"));
        move(secretary, topic, "RESOLUTION");

        String resolution = secretary.create("/api/v1/resolutions", Map.of("topicId", topic, "text", "1栋加装电梯一部,费用按楼层分摊",
                "basis", "VOTE", "voteId", vote, "responsibleParty", "1栋加梯工作小组", "createdBy", "江欣苑社区党委"));
        secretary.postIfMatch("/api/v1/resolutions/" + resolution, "/api/v1/resolutions/" + resolution + "/publish",
                Map.of("publishedBy", "江欣苑居委会", "noticeEndsAt", OffsetDateTime.now().plusSeconds(2).toString()))
                .then().statusCode(200);
        Thread.sleep(2_500);
        move(secretary, topic, "IMPLEMENTATION");

        String project = secretary.post("/api/v1/resolutions/" + resolution + "/project", Map.of("title", "加梯施工期助老",
                "description", "施工期间为1栋老人代买代送", "teamId", team)).then().statusCode(201)
                .extract().path("project.projectId");
        // the project lives in volunteer-service; its progress there shows on the topic in consultation-service
        secretary.get("/api/v1/projects/" + project).then().statusCode(200).body("status", equalTo("PLANNED"));
        secretary.postIfMatch("/api/v1/projects/" + project, "/api/v1/projects/" + project + "/start", null)
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));
        secretary.get("/api/v1/topics/" + topic).then().statusCode(200)
                .body("stage", equalTo("IMPLEMENTATION"))
                .body("projects[0].projectId", equalTo(project))
                .body("projects[0].status", equalTo("IN_PROGRESS"));
    }

    @Test
    @Order(4)
    void aGridWorkerOfOneCommunityIsRefusedAnotherCommunitysDataInEveryService() {
        Gateway admin = cityAdmin();
        Gateway gridWorker = as("grid-worker", "demo-grid");      // scoped to grid BHSJ-G1 of 滨湖世纪社区
        String ownGrid = admin.unit("BHSJ-G1");
        String otherCommunity = admin.unit("JXY");

        // org-service: 江欣苑's members and households
        String member = admin.get("/api/v1/members?within=" + otherCommunity + "&size=1").then().statusCode(200).extract().path("items[0].id");
        String household = admin.get("/api/v1/households?unitId=" + otherCommunity + "&size=1").then().statusCode(200)
                .extract().path("items[0].id");
        gridWorker.get("/api/v1/members/" + member).then().statusCode(404);
        gridWorker.get("/api/v1/households/" + household).then().statusCode(404);
        assertRefusedOrEmpty(gridWorker.get("/api/v1/members?within=" + otherCommunity));
        assertThat(gridWorker.get("/api/v1/members?size=200").then().statusCode(200).extract().<List<String>>path("items.id"))
                .doesNotContain(member);

        // volunteer-service: a volunteer of 江欣苑, and one of the worker's own grid for contrast
        String theirs = admin.create("/api/v1/volunteers", Map.of("name", "周丽", "phone", phone(), "orgUnitId", otherCommunity));
        String ours = admin.create("/api/v1/volunteers", Map.of("name", "吴刚", "phone", phone(), "orgUnitId", ownGrid));
        gridWorker.get("/api/v1/volunteers/" + theirs).then().statusCode(404);
        gridWorker.get("/api/v1/volunteers/" + ours).then().statusCode(200);
        assertRefusedOrEmpty(gridWorker.get("/api/v1/volunteers?orgUnitId=" + otherCommunity));

        // consultation-service: a topic and a vote of 江欣苑
        String topic = admin.create("/api/v1/topics", Map.of("title", "车棚改造", "description", "电动自行车充电难", "category", "OTHER",
                "scopeUnitId", otherCommunity, "proposer", "居民代表"));
        gridWorker.get("/api/v1/topics/" + topic).then().statusCode(404);
        assertThat(gridWorker.get("/api/v1/topics?size=200").then().statusCode(200).extract().<List<String>>path("items.id"))
                .doesNotContain(topic);
        gridWorker.post("/api/v1/topics", Map.of("title", "越权提议", "description", "d", "category", "OTHER",
                "scopeUnitId", otherCommunity, "proposer", "网格员")).then().statusCode(403);
    }

    @Test
    @Order(5)
    void withOrgServiceStoppedItsRoutesAnswer503TheOthersKeepWorkingAndNothingIsLostAfterARestart() {
        Gateway admin = cityAdmin();
        String community = admin.unit("JXY");
        String binhu = admin.unit("BHSJ");
        String stats = admin.get("/api/v1/org-units/" + community + "/stats").then().statusCode(200).extract().asString();
        int binhuVolunteers = admin.get("/api/v1/teams/stats?orgUnitId=" + binhu).then().statusCode(200).extract().path("volunteers");
        String volunteer = admin.create("/api/v1/volunteers", Map.of("name", "孙悦", "phone", phone(), "orgUnitId", community));
        String topic = admin.create("/api/v1/topics", Map.of("title", "楼道堆物清理", "description", "消防通道被占", "category", "OTHER",
                "scopeUnitId", community, "proposer", "楼栋长"));

        suite.stopService("org-service");
        long started = System.nanoTime();
        admin.get("/api/v1/org-units/" + community).then().statusCode(503).contentType("application/problem+json");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms to answer 503").isLessThan(1_000);
        admin.get("/api/v1/members?within=" + community).then().statusCode(503);
        admin.get("/api/v1/volunteers/" + volunteer).then().statusCode(200).body("name", equalTo("孙悦"));
        admin.get("/api/v1/teams/stats?orgUnitId=" + binhu).then().statusCode(200).body("volunteers", equalTo(binhuVolunteers));
        admin.get("/api/v1/topics/" + topic).then().statusCode(200).body("title", equalTo("楼道堆物清理"));
        admin.get("/api/v1/resolutions?size=5").then().statusCode(200);

        suite.startService("org-service");
        String after = eventually(() -> admin.get("/api/v1/org-units/" + community + "/stats"));
        assertThat(JsonPath.from(after).getMap("")).isEqualTo(JsonPath.from(stats).getMap(""));
        admin.get("/api/v1/volunteers/" + volunteer).then().statusCode(200);
        admin.create("/api/v1/volunteers", Map.of("name", "钱程", "phone", phone(), "orgUnitId", community));
    }

    /**
     * org-service's change feed as its consumers read it: a service account's client-credentials token from the gateway's
     * issuer (the secret this suite generated and gave the consumer) opens it; a user's token does not.
     */
    @Test
    @Order(6)
    void theFeedConsumersServiceAccountsReadOrgServicesChangeFeed() {
        String token = io.restassured.RestAssured.given().baseUri(gateway).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", "volunteer-service")
                .formParam("client_secret", suite.feedClientSecret("volunteer-service"))
                .post("/api/v1/auth/oauth2/token").then().statusCode(200).extract().path("access_token");
        Gateway service = Gateway.withToken(gateway, token);
        JsonPath feed = service.get("/api/v1/org-units/changes?after=0&limit=1000").then().statusCode(200).extract().jsonPath();
        // the seeds created every unit through org-service: the feed starts with their creation
        assertThat(feed.getList("items.type", String.class)).isNotEmpty().allMatch(type -> type.startsWith("org-unit."));
        assertThat(feed.getLong("latest")).isGreaterThanOrEqualTo(feed.getLong("next"));
        service.get("/api/v1/org-units/snapshot?limit=10").then().statusCode(200).body("items.size()", equalTo(10));
        cityAdmin().get("/api/v1/org-units/changes").then().statusCode(403);
        io.restassured.RestAssured.given().baseUri(gateway).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", "volunteer-service")
                .formParam("client_secret", "wrong").post("/api/v1/auth/oauth2/token").then().statusCode(401)
                .body("error", equalTo("invalid_client"));
    }

    /**
     * Issue 15 end to end: a grid moved from community A to community B takes its volunteer and topic with it in every
     * service; then a rename and a dissolution follow. The consumers apply the feed asynchronously, so each check polls
     * until a deadline.
     */
    @Test
    @Order(7)
    void aMovedGridTakesItsVolunteersAndTopicsToTheNewCommunityInEveryService() {
        Gateway admin = cityAdmin();
        String street = admin.get("/api/v1/org-units/" + admin.unit("JXY")).then().statusCode(200).extract().path("parentId");
        String a = admin.create("/api/v1/org-units", unit("E2EA", "迁出社区", "COMMUNITY", "COMMITTEE", street));
        String b = admin.create("/api/v1/org-units", unit("E2EB", "迁入社区", "COMMUNITY", "COMMITTEE", street));
        String grid = admin.create("/api/v1/org-units", unit("E2EG", "第九网格", "GRID", "GENERAL_BRANCH", a));
        String compound = admin.create("/api/v1/org-units", unit("E2EC", "幸福小区", "COMPOUND", "BRANCH", grid));
        String building = admin.create("/api/v1/org-units", unit("E2EBLD", "3栋", "BUILDING", "GROUP", compound));
        String volunteer = admin.create("/api/v1/volunteers", Map.of("name", "郑爽", "phone", phone(), "orgUnitId", building));
        String topic = admin.create("/api/v1/topics", Map.of("title", "3栋楼道照明", "description", "楼道灯坏了半年", "category", "OTHER",
                "scopeUnitId", building, "proposer", "3栋居民"));

        List<String> originalScope = admin.get("/api/v1/auth/accounts").then().statusCode(200).extract().jsonPath()
                .getList("find { it.username == 'secretary' }.orgUnits", String.class);
        Gateway secretaryOfA;
        Gateway secretaryOfB;
        try {
            secretaryOfA = secretaryScopedTo(admin, a);
            secretaryOfB = secretaryScopedTo(admin, b);
        } finally {
            admin.request().body(Map.of("orgUnits", originalScope)).put("/api/v1/auth/accounts/secretary/org-units").then().statusCode(200);
        }
        secretaryOfA.get("/api/v1/volunteers/" + volunteer).then().statusCode(200);
        secretaryOfB.get("/api/v1/volunteers/" + volunteer).then().statusCode(404);

        admin.postIfMatch("/api/v1/org-units/" + grid, "/api/v1/org-units/" + grid + "/move", Map.of("newParentId", b)).then().statusCode(200);
        Gateway secA = secretaryOfA;
        Gateway secB = secretaryOfB;
        // org-service answers at once; the other two follow the feed
        assertThat(admin.get("/api/v1/org-units/" + a + "/stats").then().statusCode(200).extract().<Integer>path("units.total")).isZero();
        assertThat(admin.get("/api/v1/org-units/" + b + "/stats").then().statusCode(200).extract().<Integer>path("units.byLevel.BUILDING"))
                .isEqualTo(1);
        within(30, () -> {
            // the old scope sees nothing of the moved subtree, in any service
            // units themselves are public (org-service README, "Scope"); their figures are the scope's
            secA.get("/api/v1/org-units/" + building + "/stats").then().statusCode(403);
            secA.get("/api/v1/volunteers/" + volunteer).then().statusCode(404);
            secA.get("/api/v1/topics/" + topic).then().statusCode(404);
            assertThat(secA.get("/api/v1/volunteers?orgUnitId=" + a + "&size=100").then().statusCode(200).extract()
                    .<List<String>>path("items.id")).doesNotContain(volunteer);
            assertThat(secA.get("/api/v1/topics?within=" + a + "&size=200").then().statusCode(200).extract()
                    .<List<String>>path("items.id")).doesNotContain(topic);
            // the new scope sees all of it, personal data unmasked for its secretary
            secB.get("/api/v1/org-units/" + building + "/stats").then().statusCode(200);
            secB.get("/api/v1/volunteers/" + volunteer).then().statusCode(200).body("phone", org.hamcrest.Matchers.not(
                    org.hamcrest.Matchers.containsString("*")));
            secB.get("/api/v1/topics/" + topic).then().statusCode(200);
            assertThat(secB.get("/api/v1/topics?within=" + b + "&size=200").then().statusCode(200).extract()
                    .<List<String>>path("items.id")).contains(topic);
            // the figures of the three services agree
            assertThat(admin.get("/api/v1/volunteers/stats?orgUnitId=" + a).then().statusCode(200).extract().<Integer>path("volunteers"))
                    .isZero();
            assertThat(admin.get("/api/v1/volunteers/stats?orgUnitId=" + b).then().statusCode(200).extract().<Integer>path("volunteers"))
                    .isEqualTo(1);
            assertThat(admin.get("/api/v1/topics?within=" + a + "&size=200").then().statusCode(200).extract().<Integer>path("total"))
                    .isZero();
            assertThat(admin.get("/api/v1/topics?within=" + b + "&size=200").then().statusCode(200).extract().<Integer>path("total"))
                    .isEqualTo(1);
        });
        // a second volunteer of the same building lands under B too: the building is not split
        String second = admin.create("/api/v1/volunteers", Map.of("name", "冯雪", "phone", phone(), "orgUnitId", building));
        secB.get("/api/v1/volunteers/" + second).then().statusCode(200);
        secA.get("/api/v1/volunteers/" + second).then().statusCode(404);
        within(30, () -> assertThat(admin.get("/api/v1/volunteers/stats?orgUnitId=" + b).then().statusCode(200).extract()
                .<Integer>path("volunteers")).isEqualTo(2));

        // a rename reaches the copies
        JsonPath current = admin.get("/api/v1/org-units/" + building).then().statusCode(200).extract().jsonPath();
        admin.request().header("If-Match", admin.get("/api/v1/org-units/" + building).header("ETag"))
                .body(Map.of("code", current.getString("code"), "name", "3号楼", "form", "GROUP"))
                .put("/api/v1/org-units/" + building).then().statusCode(200);
        within(30, () -> secB.get("/api/v1/volunteers/" + volunteer).then().statusCode(200).body("orgUnitName", equalTo("3号楼")));

        // a dissolution: org-service refuses while volunteers are registered there? it checks only its own records;
        // the consumers then refuse new writes under the dissolved unit
        String empty = admin.create("/api/v1/org-units", unit("E2EBLD2", "5栋", "BUILDING", null, compound));
        admin.postIfMatch("/api/v1/org-units/" + empty, "/api/v1/org-units/" + empty + "/dissolve", Map.of("reason", "拆除"))
                .then().statusCode(200);
        within(30, () -> {
            int volunteerStatus = admin.post("/api/v1/volunteers", Map.of("name", "褚明", "phone", phone(), "orgUnitId", empty)).statusCode();
            assertThat(volunteerStatus).as("a volunteer registered under a dissolved unit").isBetween(400, 499);
            int topicStatus = admin.post("/api/v1/topics", Map.of("title", "已撤销楼栋的提议", "description", "d", "category", "OTHER",
                    "scopeUnitId", empty, "proposer", "居民")).statusCode();
            assertThat(topicStatus).as("a topic proposed under a dissolved unit").isBetween(400, 499);
        });
    }

    private static Gateway secretaryScopedTo(Gateway admin, String unitId) {
        admin.request().body(Map.of("orgUnits", List.of(unitId))).put("/api/v1/auth/accounts/secretary/org-units").then().statusCode(200);
        return as("secretary", "demo-secretary");
    }

    private static Map<String, Object> unit(String code, String name, String level, String form, String parentId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("code", code + "-" + suffix());
        body.put("name", name);
        body.put("level", level);
        body.put("form", form);
        body.put("parentId", parentId);
        return body;
    }

    /** Runs the checks until they pass or the deadline ends (then their last failure is the test's). */
    private static void within(int seconds, Runnable checks) {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (true) {
            try {
                checks.run();
                return;
            } catch (AssertionError e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Test
    @Order(8)
    void theTypeScriptClientOfTheContractDrivesTheElevatorStoryThroughTheGateway() throws Exception {
        // contract/ts/elevator-story.ts, compiled by the contract module with tsc --strict against the types
        // openapi-typescript generated from contract/openapi.yaml; run with the machine's node
        Path repo = Path.of(System.getProperty("suite.repo-root", "..")).toAbsolutePath().normalize();
        Path story = repo.resolve("contract/target/ts/elevator-story.js");
        assertThat(story).as("the contract module's build compiles the TypeScript client").exists();
        Process node = new ProcessBuilder("node", story.toString(), gateway).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(node.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).as("the story ends within 3 minutes").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        String[] lines = output.strip().split("\n");
        JsonPath summary = JsonPath.from(lines[lines.length - 1]);
        assertThat(summary.getBoolean("ok")).as(output).isTrue();
        assertThat(summary.getString("outcome")).isEqualTo("PASSED");
        assertThat(summary.getString("projectStatus")).isEqualTo("IN_PROGRESS");
        assertThat(summary.getString("stage")).isEqualTo("IMPLEMENTATION");
        // what the program did is there for everyone else too
        cityAdmin().get("/api/v1/topics/" + summary.getString("topic")).then().statusCode(200)
                .body("projects[0].projectId", equalTo(summary.getString("project")));
    }

    @Test
    @Order(9)
    void theJavaClientOfTheContractCallsTheGatewayWithSetBearerToken() throws Exception {
        // generated from contract/openapi.yaml by openapi-generator (native library) in the contract module;
        // SuiteApiClient adds setBearerToken for the contract's one scheme, bearerAuth
        org.community.contract.SuiteApiClient client = new org.community.contract.SuiteApiClient(gateway);
        org.community.contract.client.api.AuthApi auth = new org.community.contract.client.api.AuthApi(client);
        String token = auth.issueToken(new org.community.contract.client.model.LoginRequest().username("city-admin").password("demo-city"))
                .getAccessToken();

        org.assertj.core.api.Assertions.assertThatThrownBy(auth::listAccounts)
                .isInstanceOfSatisfying(org.community.contract.client.ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
        client.setBearerToken(token);
        assertThat(new org.community.contract.client.api.AuthApi(client).listAccounts())
                .extracting(org.community.contract.client.model.AccountView::getUsername).contains("secretary", "city-admin");
    }

    @Test
    @Order(20)
    void theWebConsoleWorksInAHeadlessChromium() throws Exception {
        // console/e2e/console.e2e.mjs: Debian's chromium driven by playwright-core through its executable path, against
        // the console the gateway serves at /console/. It signs in as the demo users, drills down to 江欣苑 (8/88/177),
        // moves a topic of its own from joint review to public deliberation, casts the resident's 康城 ballot on a
        // phone-sized screen, moves a building and back, shows the resident's community and 裕园's ledger, runs a
        // volunteer activity from its QR code to a certificate PDF with a CJK font, registers, appoints and transfers
        // members, runs an education session's attendance, records a dues payment from the arrears, and writes the
        // screenshots of console/README.md.
        Path repo = Path.of(System.getProperty("suite.repo-root", "..")).toAbsolutePath().normalize();
        Path script = repo.resolve("console/e2e/console.e2e.mjs");
        assertThat(repo.resolve("console/node_modules/playwright-core")).as("the console module's build ran npm ci").exists();
        Process node = new ProcessBuilder("node", script.toString(), gateway, repo.resolve("console/docs/screenshots").toString())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(node.waitFor(8, java.util.concurrent.TimeUnit.MINUTES)).as("the browser tests end within 8 minutes").isTrue();
        System.out.println(output);
        assertThat(node.exitValue()).as(output).isZero();
        String[] lines = output.strip().split("\n");
        JsonPath summary = JsonPath.from(lines[lines.length - 1]);
        assertThat(summary.getBoolean("ok")).as(output).isTrue();
        assertThat(summary.getList("scenarios")).as(output).hasSize(13);
        // the certificate PDF was downloaded and embeds a CJK font (the script fails otherwise)
        assertThat(summary.getString("certificate.serial")).as(output).startsWith("VSC-");
        assertThat(summary.getList("render200ChildrenMs")).as("the 200-children page was timed").isNotEmpty();
        // what the browser did is there through the API too
        as("secretary", "demo-secretary").get("/api/v1/topics/" + summary.getString("topic")).then().statusCode(200)
                .body("stage", equalTo("PUBLIC_DELIBERATION"));
    }

    private static void move(Gateway as, String topic, String to) {
        as.postIfMatch("/api/v1/topics/" + topic, "/api/v1/topics/" + topic + "/transitions",
                Map.of("to", to, "actor", "江欣苑社区党委", "reason", "按程序推进")).then().statusCode(200).body("stage", equalTo(to));
    }

    /** A list outside the caller's scope is refused (403) or comes back empty: either way nothing leaks. */
    private static void assertRefusedOrEmpty(Response answer) {
        if (answer.statusCode() == 403) {
            answer.then().contentType("application/problem+json");
            return;
        }
        answer.then().statusCode(200).body("total", equalTo(0));
    }

    /** The gateway's circuit may still be open for a few seconds after the service is back. */
    private static String eventually(java.util.function.Supplier<Response> call) {
        long deadline = System.currentTimeMillis() + 20_000;
        Response last = call.get();
        while (last.statusCode() != 200 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = call.get();
        }
        last.then().statusCode(200);
        return last.asString();
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 100_000);
    }
}
