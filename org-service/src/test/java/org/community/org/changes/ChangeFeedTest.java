package org.community.org.changes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.community.conventions.testing.DefaultToken;
import org.community.conventions.testing.TestClock;
import org.community.conventions.testing.Tokens;
import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ChangeFeedTest {

    static final String SERVICE = Tokens.of("service-account-volunteer-service", "SERVICE");

    @Inject
    ChangeLog changeLog;

    @Inject
    ChangeSignal signal;

    @Inject
    ChangeRetention retention;

    @Inject
    TestClock clock;

    static JsonPath feed(long after) {
        return given().auth().oauth2(SERVICE).get("/api/v1/org-units/changes?limit=1000&after=" + after)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The feed's latest seq (read with a cursor beyond it, which the retention never refuses). */
    static long latest() {
        return feed(Long.MAX_VALUE).getLong("latest");
    }

    /** The events after the cursor, as maps. */
    static List<Map<String, Object>> eventsAfter(long after) {
        return feed(after).getList("items");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }

    @Test
    void everyKindOfChangePublishesExactlyOneEventWithTheUnitAfterIt() {
        String street = Api.street("feed");
        String communityA = Api.unit(Api.unique("A"), "江欣苑社区", "COMMUNITY", "COMMITTEE", street);
        String communityB = Api.unit(Api.unique("B"), "北站社区", "COMMUNITY", "COMMITTEE", street);

        long cursor = latest();
        String grid = Api.unit(Api.unique("G"), "第一网格", "GRID", "GENERAL_BRANCH", communityA);
        String building = Api.unit(Api.unique("BLD"), "1栋", "BUILDING", null, grid);
        List<Map<String, Object>> created = eventsAfter(cursor);
        assertThat(created).extracting(e -> e.get("type")).containsExactly("org-unit.created", "org-unit.created");
        Map<String, Object> gridCreated = created.get(0);
        assertThat(gridCreated).containsEntry("specversion", "1.0").containsEntry("source", "/org-service/org-units")
                .containsEntry("subject", grid).containsEntry("id", String.valueOf(((Number) gridCreated.get("seq")).longValue()));
        assertThat(gridCreated.get("time")).isNotNull();
        Map<String, Object> gridData = data(gridCreated);
        assertThat(gridData).containsEntry("unitId", grid).containsEntry("parentId", communityA).containsEntry("name", "第一网格")
                .containsEntry("level", "GRID").containsEntry("form", "GENERAL_BRANCH").containsEntry("dissolved", false);
        String gridPath = (String) gridData.get("path");
        assertThat(gridData.get("oldPath")).isEqualTo(gridPath);
        String communityAPath = gridPath.substring(0, gridPath.lastIndexOf('/', gridPath.length() - 2) + 1);
        assertThat(gridData.get("communityPath")).isEqualTo(communityAPath);
        assertThat(ids(gridData.get("ancestorIds"))).hasSize(4).endsWith(street, communityA);
        Map<String, Object> buildingData = data(created.get(1));
        assertThat(ids(buildingData.get("ancestorIds"))).endsWith(street, communityA, grid);
        assertThat(buildingData.get("form")).isNull();
        assertThat((String) buildingData.get("path")).startsWith(gridPath);

        // a rename and a form change: one event each, with the unit as it is afterwards
        cursor = latest();
        put(grid, "第一网格党总支", "GENERAL_BRANCH");
        put(grid, "第一网格党总支", "BRANCH");
        put(grid, "第一网格党总支", "BRANCH"); // nothing changed: nothing published
        List<Map<String, Object>> edits = eventsAfter(cursor);
        assertThat(edits).extracting(e -> e.get("type")).containsExactly("org-unit.renamed", "org-unit.changed");
        assertThat(data(edits.get(0))).containsEntry("name", "第一网格党总支").containsEntry("form", "GENERAL_BRANCH");
        assertThat(data(edits.get(1))).containsEntry("form", "BRANCH");

        // a move: one event for the whole subtree, old and new path
        cursor = latest();
        String etag = Api.etag("/api/v1/org-units/" + grid);
        given().contentType("application/json").header("If-Match", etag).body(Map.of("newParentId", communityB))
                .post("/api/v1/org-units/" + grid + "/move").then().statusCode(200);
        List<Map<String, Object>> moves = eventsAfter(cursor);
        assertThat(moves).hasSize(1);
        Map<String, Object> moved = data(moves.get(0));
        assertThat(moves.get(0)).containsEntry("type", "org-unit.moved").containsEntry("subject", grid);
        assertThat(moved).containsEntry("oldPath", gridPath).containsEntry("parentId", communityB);
        String communityBPath = ((String) moved.get("path")).substring(0, ((String) moved.get("path")).length() - gridPath.length()
                + communityAPath.length());
        assertThat((String) moved.get("path")).isNotEqualTo(gridPath).endsWith(gridPath.substring(communityAPath.length()));
        assertThat(moved.get("communityPath")).isEqualTo(communityBPath);
        assertThat(ids(moved.get("ancestorIds"))).endsWith(street, communityB).doesNotContain(communityA);

        // the leading post: appointing and ending the secretary each publish secretary-changed
        cursor = latest();
        String member = Api.member(grid, "王芳", "FULL");
        String post = Api.post(grid, "SECRETARY", member);
        List<Map<String, Object>> posts = eventsAfter(cursor);
        assertThat(posts).extracting(e -> e.get("type")).containsExactly("org-unit.secretary-changed");
        assertThat(posts.get(0)).containsEntry("subject", grid);
        cursor = latest();
        given().contentType("application/json").body(Map.of("endedOn", java.time.LocalDate.now(org.community.conventions.http.Times.ZONE).toString(), "reason", "换届"))
                .post("/api/v1/members/posts/" + post + "/end").then().statusCode(200);
        assertThat(eventsAfter(cursor)).extracting(e -> e.get("type")).containsExactly("org-unit.secretary-changed");

        // a dissolution
        cursor = latest();
        given().contentType("application/json").header("If-Match", Api.etag("/api/v1/org-units/" + building))
                .body(Map.of("reason", "拆迁")).post("/api/v1/org-units/" + building + "/dissolve").then().statusCode(200);
        List<Map<String, Object>> dissolved = eventsAfter(cursor);
        assertThat(dissolved).extracting(e -> e.get("type")).containsExactly("org-unit.dissolved");
        assertThat(data(dissolved.get(0))).containsEntry("dissolved", true).containsEntry("communityPath", communityBPath);
    }

    @Test
    void aWriteThatFailsOrRollsBackPublishesNothing() {
        String street = Api.street("feed-rb");
        String taken = Api.unique("TAKEN");
        Api.unit(taken, "社区甲", "COMMUNITY", "COMMITTEE", street);
        String other = Api.unit(Api.unique("OTHER"), "社区乙", "COMMUNITY", "COMMITTEE", street);
        long cursor = latest();

        Map<String, Object> body = new HashMap<>(Map.of("code", taken, "name", "社区丙", "form", "COMMITTEE"));
        given().contentType("application/json").header("If-Match", Api.etag("/api/v1/org-units/" + other)).body(body)
                .put("/api/v1/org-units/" + other).then().statusCode(409);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                changeLog.record(ChangeType.CHANGED, UUID.fromString(other), null);
                throw new IllegalStateException("rolled back after the change was recorded");
            });
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(eventsAfter(cursor)).isEmpty();
    }

    @Test
    void concurrentWritersPublishInCommitOrderSoAFollowingReaderMissesNothing() throws Exception {
        String street = Api.street("feed-order");
        List<String> communities = List.of(Api.unit(Api.unique("C1"), "社区一", "COMMUNITY", "COMMITTEE", street),
                Api.unit(Api.unique("C2"), "社区二", "COMMUNITY", "COMMITTEE", street));
        long start = latest();
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> followed = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            long cursor = start;
            while (true) {
                boolean last = !writing.get();
                JsonPath page = feed(cursor);
                for (Object seq : page.getList("items.seq")) {
                    followed.add(((Number) seq).longValue());
                }
                cursor = page.getLong("next");
                if (last) {
                    return;
                }
            }
        });
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (String community : communities) {
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 15; i++) {
                    Api.unit(Api.unique("BLD"), i + "栋", "BUILDING", null, community);
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        writing.set(false);
        reader.get(1, TimeUnit.MINUTES);

        List<Long> all = feed(start).getList("items.seq", Long.class);
        assertThat(all).hasSize(30).isSorted();
        assertThat(followed).containsExactlyElementsOf(all);
    }

    @Test
    void aWaitingReaderGetsTheChangeAsSoonAsItCommits() throws Exception {
        String street = Api.street("feed-wait");
        long cursor = latest();
        // nothing arrives: the wait ends with an empty page
        JsonPath empty = given().auth().oauth2(SERVICE).get("/api/v1/org-units/changes?wait=1&after=" + cursor)
                .then().statusCode(200).extract().jsonPath();
        assertThat(empty.getList("items")).isEmpty();
        assertThat(empty.getLong("next")).isEqualTo(cursor);

        CompletableFuture<JsonPath> waiting = CompletableFuture.supplyAsync(() -> given().auth().oauth2(SERVICE)
                .get("/api/v1/org-units/changes?wait=30&after=" + cursor).then().statusCode(200).extract().jsonPath());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (signal.waitingCount() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(signal.waitingCount()).isPositive();
        String community = Api.unit(Api.unique("W"), "等待社区", "COMMUNITY", "COMMITTEE", street);
        JsonPath page = waiting.get(25, TimeUnit.SECONDS);
        assertThat(page.getList("items.subject", String.class)).containsExactly(community);
        assertThat(page.getLong("next")).isEqualTo(page.getLong("latest"));
    }

    @Test
    void onlyServiceAccountsReadTheFeedAndTheSnapshot() {
        given().header("Authorization", DefaultToken.NONE).get("/api/v1/org-units/changes").then().statusCode(401);
        given().get("/api/v1/org-units/changes").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("s", "COMMUNITY_SECRETARY")).get("/api/v1/org-units/snapshot").then().statusCode(403);
        // a service account has no scope: it writes nothing
        given().auth().oauth2(SERVICE).contentType("application/json")
                .body(Map.of("code", Api.unique("SVC"), "name", "服务账号", "level", "CITY")).post("/api/v1/org-units").then().statusCode(403);
        given().auth().oauth2(SERVICE).get("/api/v1/org-units/changes?limit=0").then().statusCode(400);
        given().auth().oauth2(SERVICE).get("/api/v1/org-units/changes?limit=1001").then().statusCode(400);
        given().auth().oauth2(SERVICE).get("/api/v1/org-units/changes?wait=31").then().statusCode(400);
        given().auth().oauth2(SERVICE).get("/api/v1/org-units/snapshot?limit=2001").then().statusCode(400);
    }

    @Test
    void theSnapshotPagesThroughEveryUnitDissolvedOnesIncluded() {
        String street = Api.street("snap");
        String community = Api.unit(Api.unique("S"), "快照社区", "COMMUNITY", "COMMITTEE", street);
        String building = Api.unit(Api.unique("SB"), "9栋", "BUILDING", null, community);
        given().contentType("application/json").header("If-Match", Api.etag("/api/v1/org-units/" + building))
                .body(Map.of("reason", "合并")).post("/api/v1/org-units/" + building + "/dissolve").then().statusCode(200);
        long latest = latest();

        Map<String, Map<String, Object>> units = new HashMap<>();
        String afterId = null;
        long firstAsOf = -1;
        List<String> ids = new ArrayList<>();
        do {
            JsonPath page = given().auth().oauth2(SERVICE)
                    .get("/api/v1/org-units/snapshot?limit=7" + (afterId == null ? "" : "&afterId=" + afterId))
                    .then().statusCode(200).extract().jsonPath();
            if (firstAsOf < 0) {
                firstAsOf = page.getLong("asOf");
            }
            List<Map<String, Object>> items = page.getList("items");
            assertThat(items).hasSizeLessThanOrEqualTo(7);
            for (Map<String, Object> item : items) {
                units.put((String) item.get("unitId"), item);
                ids.add((String) item.get("unitId"));
            }
            afterId = page.getString("nextAfterId");
        } while (afterId != null);

        assertThat(firstAsOf).isGreaterThanOrEqualTo(latest);
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> UUID.fromString(a).compareTo(UUID.fromString(b)));
        long total = given().get("/api/v1/org-units?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
        assertThat(units).hasSize((int) total);
        assertThat(units.get(building)).containsEntry("dissolved", true).containsEntry("parentId", community)
                .containsEntry("code", units.get(building).get("code"));
        assertThat(units.get(building).get("communityPath")).isEqualTo(units.get(community).get("path"));
        assertThat(ids(units.get(building).get("ancestorIds"))).endsWith(street, community);
        assertThat(units.get(street).get("communityPath")).isNull();
    }

    @Test
    void eventsOlderThanTheRetentionArePurgedAndAnOlderCursorIsRefused() {
        String street = Api.street("retain");
        long before = latest();
        Api.unit(Api.unique("OLD"), "旧社区", "COMMUNITY", "COMMITTEE", street);
        try {
            clock.advance(Duration.ofDays(29));
            retention.purge();
            feed(before); // within 30 days: still there
            clock.advance(Duration.ofDays(2));
            String fresh = Api.unit(Api.unique("NEW"), "新社区", "COMMUNITY", "COMMITTEE", street);
            retention.purge();
        } finally {
            clock.reset();
        }
        given().auth().oauth2(SERVICE).get("/api/v1/org-units/changes?after=" + before)
                .then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("urn:community-suite:problem:changes-expired"));
        JsonPath page = feed(latest() - 1);
        assertThat(page.getLong("oldest")).isGreaterThan(before + 1);
        assertThat(page.getList("items")).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Object list) {
        return (List<String>) list;
    }

    private static void put(String id, String name, String form) {
        JsonPath unit = given().get("/api/v1/org-units/" + id).then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new HashMap<>();
        body.put("code", unit.getString("code"));
        body.put("name", name);
        body.put("form", form);
        body.put("leaderName", unit.getString("leaderName"));
        given().contentType("application/json").header("If-Match", Api.etag("/api/v1/org-units/" + id)).body(body)
                .put("/api/v1/org-units/" + id).then().statusCode(200);
    }
}
