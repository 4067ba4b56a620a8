package org.community.org.tree;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The shared HTTP contract on org units: problems, paging, ETags, idempotency, language. */
@QuarkusTest
class OrgUnitConventionsTest {

    @Test
    void badInputIsAProblemNamingTheField() {
        String street = Api.street("bad");
        given().contentType("application/json")
                .body(Map.of("code", Api.unique("X"), "name", "社区", "level", "COMMUNITY", "parentId", "0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10"))
                .post("/api/v1/org-units")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("parentId"))
                .body("type", equalTo("urn:community-suite:problem:unprocessable"));
        given().contentType("application/json")
                .body(Map.of("code", Api.unique("X"), "name", "楼栋", "level", "BUILDING", "parentId", street))
                .post("/api/v1/org-units")
                .then().statusCode(422).body("errors[0].field", equalTo("level"));
        given().contentType("application/json").body(Map.of("code", "has space", "level", "GRID"))
                .post("/api/v1/org-units")
                .then().statusCode(400)
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"));
        given().contentType("application/json").body(Map.of("code", Api.unique("X"), "name", "社区", "level", "COMMUNITY"))
                .post("/api/v1/org-units")
                .then().statusCode(422).body("errors[0].field", equalTo("parentId"));
        given().get("/api/v1/org-units/" + street + "/children?size=201")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().get("/api/v1/org-units/0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10")
                .then().statusCode(404).contentType("application/problem+json").body("requestId", notNullValue());
    }

    @Test
    void aDuplicateCodeIsAConflictAndNothingIsWritten() {
        String street = Api.street("dup");
        String code = Api.unique("DUP");
        Api.unit(code, "社区甲", "COMMUNITY", "COMMITTEE", street);
        given().contentType("application/json").body(Map.of("code", code, "name", "社区乙", "level", "COMMUNITY", "parentId", street))
                .post("/api/v1/org-units")
                .then().statusCode(409).body("errors[0].field", equalTo("code"));
        assertThat(Api.stats(street).getInt("units.byLevel.COMMUNITY")).isEqualTo(1);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String street = Api.street("etag");
        String id = Api.unit(Api.unique("E"), "社区", "COMMUNITY", "COMMITTEE", street);
        String path = "/api/v1/org-units/" + id;
        String etag = Api.etag(path);
        given().header("If-None-Match", etag).get(path).then().statusCode(304);
        Map<String, Object> changes = Map.of("code", Api.unique("E2"), "name", "江欣苑社区", "form", "GENERAL_BRANCH");

        given().contentType("application/json").body(changes).put(path)
                .then().statusCode(428).body("errors[0].field", equalTo("If-Match"));
        String newTag = given().contentType("application/json").header("If-Match", etag).body(changes).put(path)
                .then().statusCode(200).body("name", equalTo("江欣苑社区")).extract().header("ETag");
        assertThat(newTag).isNotEqualTo(etag);
        given().contentType("application/json").header("If-Match", etag).body(changes).put(path)
                .then().statusCode(412).contentType("application/problem+json");
        // the form change moved the street's counters from COMMITTEE to GENERAL_BRANCH; a typed leader name is no post: leaderless
        var stats = Api.stats(street);
        assertThat(stats.getInt("units.byForm.GENERAL_BRANCH")).isEqualTo(1);
        assertThat(stats.getInt("units.byForm.COMMITTEE")).isZero();
        assertThat(stats.getInt("coverage.leaderlessUnits")).isEqualTo(1);
    }

    @Test
    void everySavedEditIsANewVersionEvenWhenNothingChanged() {
        String street = Api.street("resave");
        String id = Api.unit(Api.unique("R"), "社区", "COMMUNITY", "COMMITTEE", street);
        String path = "/api/v1/org-units/" + id;
        Map<String, Object> same = Map.of("code", Api.unique("R2"), "name", "社区", "form", "COMMITTEE");
        String second = given().contentType("application/json").header("If-Match", Api.etag(path)).body(same).put(path)
                .then().statusCode(200).body("version", equalTo(2)).extract().header("ETag");
        // the same body again: nothing changes but the version, as a client holding the old ETag must notice
        given().contentType("application/json").header("If-Match", second).body(same).put(path)
                .then().statusCode(200).header("ETag", "\"3\"").body("version", equalTo(3));
        given().get(path).then().body("version", equalTo(3));
        // only the displayed leader, which the version leaves to the posts: still a new version
        Map<String, Object> typedLeader = Map.of("code", same.get("code"), "name", "社区", "form", "COMMITTEE", "leaderName", "李四");
        given().contentType("application/json").header("If-Match", "\"3\"").body(typedLeader).put(path)
                .then().statusCode(200).header("ETag", "\"4\"").body("leaderName", equalTo("李四"));
    }

    @Test
    void twoClerksEditingOneUnitCannotBothWin() throws Exception {
        String street = Api.street("clerks");
        String id = Api.unit(Api.unique("K"), "社区", "COMMUNITY", "COMMITTEE", street);
        String etag = Api.etag("/api/v1/org-units/" + id);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int clerk = i;
            Callable<Integer> edit = () -> given().contentType("application/json").header("If-Match", etag)
                    .body(Map.of("code", Api.unique("K"), "name", "社区" + clerk, "form", "COMMITTEE"))
                    .put("/api/v1/org-units/" + id).statusCode();
            results.add(pool.submit(edit));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(7);
        given().get("/api/v1/org-units/" + id).then().body("version", equalTo(2));
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyCreatesOnce() {
        String street = Api.street("idem");
        String key = Api.unique("key");
        Map<String, Object> body = Map.of("code", Api.unique("I"), "name", "社区", "level", "COMMUNITY", "parentId", street);
        String first = given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/v1/org-units").then().statusCode(201).extract().path("id");
        String again = given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/v1/org-units").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith(first)).extract().path("id");
        assertThat(again).isEqualTo(first);
        assertThat(Api.stats(street).getInt("units.byLevel.COMMUNITY")).isEqualTo(1);
        given().contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("code", Api.unique("I"), "name", "别的社区", "level", "COMMUNITY", "parentId", street))
                .post("/api/v1/org-units").then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        // keys are per account: another admin sending the same key and body is not served the first answer
        given().auth().oauth2(org.community.conventions.testing.Tokens.of("other-admin", "CITY_ADMIN")).contentType("application/json")
                .header("Idempotency-Key", key).body(body).post("/api/v1/org-units")
                .then().statusCode(409).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void searchFindsByNameWithinASubtreeAndDissolveIsGuarded() {
        String street = Api.street("search");
        String community = Api.unit(Api.unique("S"), "康城社区", "COMMUNITY", "COMMITTEE", street);
        String grid = Api.unit(Api.unique("S"), "康城第三网格", "GRID", "GENERAL_BRANCH", community);
        Api.unit(Api.unique("S"), "康城小区", "COMPOUND", "BRANCH", grid);
        given().get("/api/v1/org-units?within=" + street + "&q=康城").then().statusCode(200).body("total", equalTo(3));
        given().get("/api/v1/org-units?within=" + street + "&q=网格").then().body("total", equalTo(1)).body("items[0].id", equalTo(grid));
        given().get("/api/v1/org-units/" + community + "/subtree?maxDepth=1").then().body("total", equalTo(1));

        given().contentType("application/json").body(Map.of("reason", "合并"))
                .post("/api/v1/org-units/" + community + "/dissolve").then().statusCode(409);
        String lonely = Api.unit(Api.unique("S"), "空网格", "GRID", null, community);
        given().contentType("application/json").body(Map.of("reason", "合并"))
                .post("/api/v1/org-units/" + lonely + "/dissolve")
                .then().statusCode(200).body("status", equalTo("DISSOLVED"));
        assertThat(Api.stats(community).getInt("units.byLevel.GRID")).isEqualTo(1);
        given().contentType("application/json")
                .body(Map.of("code", Api.unique("S"), "name", "x", "level", "COMPOUND", "parentId", lonely))
                .post("/api/v1/org-units").then().statusCode(422).body("errors[0].field", equalTo("parentId"));
    }
}
