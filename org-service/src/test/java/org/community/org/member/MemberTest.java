package org.community.org.member;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.community.org.support.Api;
import org.community.conventions.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MemberTest {

    /** A community (党委) with one branch compound and a group building under it. */
    record Chain(String street, String community, String branch, String group) {
    }

    static Chain chain(String prefix) {
        String street = Api.street(prefix);
        String community = Api.unit(Api.unique("C"), "江欣苑社区", "COMMUNITY", "COMMITTEE", street);
        String branch = Api.unit(Api.unique("P"), "江欣苑第一支部", "COMPOUND", "BRANCH", community);
        String group = Api.unit(Api.unique("B"), "1栋党小组", "BUILDING", "GROUP", branch);
        return new Chain(street, community, branch, group);
    }

    @Test
    void registeringMasksPersonalDataAndCountsByStatus() {
        Chain c = chain("reg");
        Map<String, Object> body = new HashMap<>(Map.of("unitId", c.branch(), "name", "张伟", "gender", "MALE", "birthDate", "1985-04-12",
                "phone", "13812341234", "idNumber", "11010519491231002X", "status", "FULL", "statusOn", "2012-07-01", "admittedOn",
                "2011-07-01"));
        String id = given().contentType("application/json").body(body).post("/api/v1/members")
                .then().statusCode(201)
                .body("idNumber", equalTo("11010519491231002X"))
                .body("phone", equalTo("13812341234"))
                .body("status", equalTo("FULL"))
                .extract().path("id");
        // the same ID number twice is a conflict
        body.put("name", "张伟二");
        given().contentType("application/json").body(body).post("/api/v1/members")
                .then().statusCode(409).body("errors[0].field", equalTo("idNumber"));
        body.put("idNumber", "110105194912310021");
        given().contentType("application/json").body(body).post("/api/v1/members")
                .then().statusCode(400).body("errors[0].field", equalTo("idNumber"));
        Api.member(c.group(), "李娜", "PROBATIONARY");
        Api.member(c.group(), "王芳", "APPLICANT");
        JsonPath stats = Api.stats(c.street());
        assertThat(stats.getInt("members.partyMembers")).isEqualTo(2);
        assertThat(stats.getInt("members.full")).isEqualTo(1);
        assertThat(stats.getInt("members.probationary")).isEqualTo(1);
        assertThat(stats.getInt("members.byStatus.APPLICANT")).isEqualTo(1);
        // the unit's own members count in its own figures
        assertThat(Api.stats(c.group()).getInt("members.byStatus.PROBATIONARY")).isEqualTo(1);
        // an admin of the scope (here CITY_ADMIN) sees the ID number; a grid worker of the same scope sees it masked, the phone not
        given().get("/api/v1/members/" + id).then().statusCode(200).body("idNumber", equalTo("11010519491231002X"));
        given().auth().oauth2(Tokens.of("grid", "GRID_WORKER", c.street())).get("/api/v1/members/" + id).then().statusCode(200)
                .body("idNumber", equalTo("110***********002X")).body("phone", equalTo("13812341234"));
        given().auth().oauth2(Tokens.of("stranger", "GRID_WORKER", c.group())).get("/api/v1/members/" + id).then().statusCode(404);
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        Chain c = chain("bad");
        // wrong level / form: a community committee, a street
        for (String unit : List.of(c.community(), c.street())) {
            given().contentType("application/json")
                    .body(Map.of("unitId", unit, "name", "赵六", "gender", "MALE", "birthDate", "1990-01-01"))
                    .post("/api/v1/members").then().statusCode(422).body("errors[0].field", equalTo("unitId"));
        }
        // born in the future
        given().contentType("application/json")
                .body(Map.of("unitId", c.branch(), "name", "赵六", "gender", "MALE", "birthDate", LocalDate.now(org.community.conventions.http.Times.ZONE).plusDays(3).toString()))
                .post("/api/v1/members").then().statusCode(400).body("errors[0].field", equalTo("birthDate"));
        // a full member whose probation cannot be over
        given().contentType("application/json")
                .body(Map.of("unitId", c.branch(), "name", "赵六", "gender", "MALE", "birthDate", "1990-01-01", "status", "FULL",
                        "admittedOn", LocalDate.now(org.community.conventions.http.Times.ZONE).minusMonths(3).toString()))
                .post("/api/v1/members").then().statusCode(422).body("errors[0].field", equalTo("statusOn"));
        assertThat(Api.stats(c.street()).getInt("members.byStatus.APPLICANT")).isZero();
        given().get("/api/v1/members?within=" + c.street()).then().body("total", equalTo(0));
    }

    @Test
    void thePipelineIsAStateMachineWithDatedSteps() {
        Chain c = chain("pipe");
        String id = given().contentType("application/json").body(Map.of("unitId", c.branch(), "name", "陈静", "gender", "FEMALE",
                "birthDate", "1995-03-01", "statusOn", LocalDate.now(org.community.conventions.http.Times.ZONE).minusYears(4).toString()))
                .post("/api/v1/members").then().statusCode(201).body("status", equalTo("APPLICANT"))
                .body("nextSteps", contains("ACTIVIST", "DECEASED", "REMOVED")).extract().path("id");
        String path = "/api/v1/members/" + id + "/transitions";
        // skipping a step is illegal
        given().contentType("application/json").body(Map.of("to", "PROBATIONARY", "on", LocalDate.now(org.community.conventions.http.Times.ZONE).toString()))
                .post(path).then().statusCode(409).body("errors[0].field", equalTo("to"));
        LocalDate start = LocalDate.now(org.community.conventions.http.Times.ZONE).minusYears(3);
        given().contentType("application/json").body(Map.of("to", "ACTIVIST", "on", start.toString())).post(path).then().statusCode(200);
        given().contentType("application/json").body(Map.of("to", "DEVELOPMENT_TARGET", "on", start.plusMonths(12).toString()))
                .post(path).then().statusCode(200);
        LocalDate admitted = LocalDate.now(org.community.conventions.http.Times.ZONE).minusMonths(10);
        given().contentType("application/json").body(Map.of("to", "PROBATIONARY", "on", admitted.toString())).post(path)
                .then().statusCode(200).body("admittedOn", equalTo(admitted.toString()))
                .body("probationEndsOn", equalTo(admitted.plusYears(1).toString()))
                .body("nextSteps", contains("FULL", "DECEASED", "REMOVED"));
        // too early to become full
        given().contentType("application/json").body(Map.of("to", "FULL", "on", LocalDate.now(org.community.conventions.http.Times.ZONE).toString())).post(path)
                .then().statusCode(409).contentType("application/problem+json");
        // future dates make no sense
        given().contentType("application/json").body(Map.of("to", "FULL", "on", LocalDate.now(org.community.conventions.http.Times.ZONE).plusDays(1).toString())).post(path)
                .then().statusCode(400);
        // extension, at most one year beyond
        given().contentType("application/json").body(Map.of("until", admitted.plusYears(3).toString()))
                .post("/api/v1/members/" + id + "/probation-extension").then().statusCode(422);
        given().contentType("application/json").body(Map.of("until", admitted.plusMonths(18).toString()))
                .post("/api/v1/members/" + id + "/probation-extension").then().statusCode(200)
                .body("probationEndsOn", equalTo(admitted.plusMonths(18).toString()));
        // TRANSFERRED_OUT only through a transfer; DECEASED is an exit with no way back
        given().contentType("application/json").body(Map.of("to", "TRANSFERRED_OUT", "on", LocalDate.now(org.community.conventions.http.Times.ZONE).toString())).post(path)
                .then().statusCode(409);
        given().contentType("application/json").body(Map.of("to", "REMOVED", "on", LocalDate.now(org.community.conventions.http.Times.ZONE).toString(), "note", "取消预备党员资格"))
                .post(path).then().statusCode(200).body("nextSteps", empty());
        given().contentType("application/json").body(Map.of("to", "ACTIVIST", "on", LocalDate.now(org.community.conventions.http.Times.ZONE).toString())).post(path)
                .then().statusCode(409);
        List<String> steps = given().get("/api/v1/members/" + id + "/history").then().statusCode(200).extract().path("status");
        assertThat(steps).containsExactly("APPLICANT", "ACTIVIST", "DEVELOPMENT_TARGET", "PROBATIONARY", "PROBATIONARY", "REMOVED");
        assertThat(Api.stats(c.street()).getInt("members.partyMembers")).isZero();
        // the unit can be dissolved once nobody remains
        given().contentType("application/json").body(Map.of("reason", "合并")).post("/api/v1/org-units/" + c.branch() + "/dissolve")
                .then().statusCode(409); // its group is still active
    }

    @Test
    void aUnitWithMembersCannotBeDissolved() {
        Chain c = chain("dis");
        Api.member(c.group(), "周强", "FULL");
        given().contentType("application/json").body(Map.of("reason", "拆除")).post("/api/v1/org-units/" + c.group() + "/dissolve")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void searchByNamePrefixStatusRoleAgeAndMobile() {
        Chain c = chain("search");
        String zhang = Api.member(c.group(), "张三", "FULL");
        Api.member(c.group(), "张三丰", "PROBATIONARY");
        Api.member(c.branch(), "李四", "FULL");
        Api.member(c.branch(), "张小", "APPLICANT");
        Api.post(c.group(), "GROUP_LEADER", zhang);
        given().get("/api/v1/members?within=" + c.community() + "&q=张三").then().statusCode(200)
                .body("total", equalTo(2)).body("items.name", hasItems("张三", "张三丰"));
        given().get("/api/v1/members?within=" + c.community() + "&q=张&status=FULL&status=PROBATIONARY").then().body("total", equalTo(2));
        given().get("/api/v1/members?within=" + c.community() + "&role=GROUP_LEADER").then().body("total", equalTo(1))
                .body("items[0].name", equalTo("张三"));
        given().get("/api/v1/members?within=" + c.community()).then().body("total", equalTo(4));
        int age = LocalDate.now(org.community.conventions.http.Times.ZONE).getYear() - 1980 - 1;
        given().get("/api/v1/members?within=" + c.community() + "&ageFrom=" + (age - 1) + "&ageTo=" + (age + 1)).then().body("total", equalTo(4));
        given().get("/api/v1/members?within=" + c.community() + "&ageTo=30").then().body("total", equalTo(0));
        given().get("/api/v1/members?within=" + c.community() + "&mobile=true").then().body("total", equalTo(0));
        given().get("/api/v1/members?within=" + c.community() + "&ageFrom=50&ageTo=40").then().statusCode(400);
        given().get("/api/v1/members?within=" + c.group()).then().body("total", equalTo(2));
    }

    @Test
    void leadersComeFromPostsAndOneSecretaryPerUnit() {
        Chain c = chain("post");
        // every organization below the street is leaderless until a post is recorded, whatever leader name was typed
        assertThat(Api.stats(c.street()).getInt("coverage.leaderlessUnits")).isEqualTo(3);
        String a = Api.member(c.branch(), "王红", "FULL");
        String b = Api.member(c.branch(), "刘明", "FULL");
        String applicant = Api.member(c.branch(), "孙七", "APPLICANT");
        String unitTag = Api.etag("/api/v1/org-units/" + c.branch());
        String secretary = Api.post(c.branch(), "SECRETARY", a);
        // the unit shows its new leader; an appointment is no edit of the unit, so a clerk's ETag still holds
        given().get("/api/v1/org-units/" + c.branch()).then().body("hasLeader", equalTo(true)).body("leaderName", equalTo("王红"))
                .header("ETag", unitTag);
        assertThat(Api.stats(c.street()).getInt("coverage.leaderlessUnits")).isEqualTo(2);
        // second active secretary
        given().contentType("application/json")
                .body(Map.of("unitId", c.branch(), "role", "SECRETARY", "memberId", b, "startsOn", "2024-01-01"))
                .post("/api/v1/members/posts").then().statusCode(409).body("errors[0].field", equalTo("role"));
        // a group has a group leader, not a secretary; an applicant holds no party post
        given().contentType("application/json")
                .body(Map.of("unitId", c.group(), "role", "SECRETARY", "memberId", b, "startsOn", "2024-01-01"))
                .post("/api/v1/members/posts").then().statusCode(422);
        given().contentType("application/json")
                .body(Map.of("unitId", c.branch(), "role", "DEPUTY_SECRETARY", "memberId", applicant, "startsOn", "2024-01-01"))
                .post("/api/v1/members/posts").then().statusCode(422).body("errors[0].field", equalTo("memberId"));
        // a grid worker needs a grid; a building leader may be someone who is not a member
        given().contentType("application/json")
                .body(Map.of("unitId", c.group(), "role", "BUILDING_LEADER", "holderName", "楼栋长老刘", "startsOn", "2024-01-01"))
                .post("/api/v1/members/posts").then().statusCode(201).body("active", equalTo(true));
        // the covering query lists exactly the leaderless ones
        given().get("/api/v1/org-units/" + c.street() + "/coverage/leaderless-units").then()
                .body("total", equalTo(2)).body("items.id", hasItems(c.community(), c.group()));
        // ending the term makes the branch leaderless again; the successor can then be appointed
        given().contentType("application/json").body(Map.of("endedOn", LocalDate.now(org.community.conventions.http.Times.ZONE).toString(), "reason", "换届"))
                .post("/api/v1/members/posts/" + secretary + "/end").then().statusCode(200).body("active", equalTo(false));
        given().contentType("application/json").body(Map.of("endedOn", LocalDate.now(org.community.conventions.http.Times.ZONE).toString()))
                .post("/api/v1/members/posts/" + secretary + "/end").then().statusCode(409);
        assertThat(Api.stats(c.street()).getInt("coverage.leaderlessUnits")).isEqualTo(3);
        Api.post(c.branch(), "SECRETARY", b);
        given().get("/api/v1/members/posts?unitId=" + c.branch()).then().body("total", equalTo(2));
        given().get("/api/v1/org-units/" + c.branch()).then().body("leaderName", equalTo("刘明"));
        // a member who leaves gives up the post
        given().contentType("application/json").body(Map.of("to", "DECEASED", "on", LocalDate.now(org.community.conventions.http.Times.ZONE).toString()))
                .post("/api/v1/members/" + b + "/transitions").then().statusCode(200);
        given().get("/api/v1/org-units/" + c.branch()).then().body("hasLeader", equalTo(false));
    }

    @Test
    void concurrentAppointmentsLeaveOneSecretary() throws Exception {
        Chain c = chain("race");
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            candidates.add(Api.member(c.branch(), "候选" + i, "FULL"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        for (String candidate : candidates) {
            results.add(pool.submit(() -> given().contentType("application/json")
                    .body(Map.of("unitId", c.branch(), "role", "SECRETARY", "memberId", candidate, "startsOn", "2024-01-01"))
                    .post("/api/v1/members/posts").then().extract().statusCode()));
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : results) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertThat(codes).containsOnly(201, 409);
        assertThat(codes.stream().filter(s -> s == 201).count()).isEqualTo(1);
        given().get("/api/v1/members/posts?unitId=" + c.branch() + "&active=true").then().body("total", equalTo(1));
        assertThat(Api.stats(c.community()).getInt("coverage.leaderlessUnits")).isEqualTo(1);
    }
}
