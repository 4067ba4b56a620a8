package org.community.org.transfer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TransferTest {

    private static String branch(String street, String name) {
        String community = Api.unit(Api.unique("C"), name + "社区", "COMMUNITY", "COMMITTEE", street);
        return Api.unit(Api.unique("P"), name + "支部", "COMPOUND", "BRANCH", community);
    }

    private static String start(String member, String to) {
        return given().contentType("application/json").body(Map.of("memberId", member, "toUnitId", to, "reason", "工作调动"))
                .post("/api/v1/transfers").then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
    }

    @Test
    void acceptanceMovesTheMemberAtomicallyWithTheFigures() {
        String street = Api.street("tr");
        String from = branch(street, "江欣苑");
        String to = branch(street, "常青");
        String member = Api.member(from, "吴敏", "FULL");
        String post = Api.post(from, "SECRETARY", member);
        // transfer to the same unit, or from an applicant: refused
        given().contentType("application/json").body(Map.of("memberId", member, "toUnitId", from))
                .post("/api/v1/transfers").then().statusCode(422).body("errors[0].field", equalTo("toUnitId"));
        String applicant = Api.member(from, "新人", "APPLICANT");
        given().contentType("application/json").body(Map.of("memberId", applicant, "toUnitId", to))
                .post("/api/v1/transfers").then().statusCode(409);
        String id = start(member, to);
        // one pending transfer per member
        given().contentType("application/json").body(Map.of("memberId", member, "toUnitId", to)).post("/api/v1/transfers")
                .then().statusCode(409);
        // until accepted the member is still in the origin
        given().get("/api/v1/members/" + member).then().body("unitId", equalTo(from));
        given().get("/api/v1/transfers/" + id + "/letters/RECEIVING").then().statusCode(200)
                .contentType(containsString("text/plain")).body(containsString("吴敏")).body(containsString("常青支部"))
                .body(containsString("组织关系介绍信"));
        given().get("/api/v1/transfers/" + id + "/letters/MEMBER").then().statusCode(200).body(containsString("报到"));
        given().contentType("application/json").body(Map.of("on", LocalDate.now(org.community.conventions.http.Times.ZONE).plusDays(2).toString()))
                .post("/api/v1/transfers/" + id + "/accept").then().statusCode(400);
        given().contentType("application/json").body(Map.of("note", "已报到")).post("/api/v1/transfers/" + id + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().contentType("application/json").body(Map.of()).post("/api/v1/transfers/" + id + "/accept").then().statusCode(409);
        given().get("/api/v1/members/" + member).then().body("unitId", equalTo(to));
        assertThat(Api.stats(from).getInt("members.full")).isZero();
        assertThat(Api.stats(to).getInt("members.full")).isEqualTo(1);
        assertThat(Api.stats(street).getInt("members.full")).isEqualTo(1);
        // the post in the old unit ended with the move
        given().get("/api/v1/members/posts/" + post).then().body("active", equalTo(false));
        given().get("/api/v1/org-units/" + from).then().body("hasLeader", equalTo(false));
        given().get("/api/v1/transfers?memberId=" + member).then().body("total", equalTo(1));
        given().get("/api/v1/transfers/" + id + "/letters/RECEIVING").then().body(containsString("已接收"));
    }

    @Test
    void anExternalTransferEndsWithTheMemberTransferredOut() {
        String street = Api.street("ext");
        String from = branch(street, "唐家墩");
        String member = Api.member(from, "郑洁", "FULL");
        given().contentType("application/json").body(Map.of("memberId", member, "externalOrg", "北京市海淀区某街道党工委"))
                .post("/api/v1/transfers").then().statusCode(422).body("errors[0].field", equalTo("letterNumber"));
        String id = given().contentType("application/json")
                .body(Map.of("memberId", member, "externalOrg", "北京市海淀区某街道党工委", "letterNumber", "鄂组转〔2026〕118号"))
                .post("/api/v1/transfers").then().statusCode(201).extract().path("id");
        given().get("/api/v1/transfers/" + id + "/letters/RECEIVING").then().body(containsString("鄂组转〔2026〕118号"))
                .body(not(containsString("null")));
        given().contentType("application/json").body(Map.of("note", "收到回执")).post("/api/v1/transfers/" + id + "/accept")
                .then().statusCode(200);
        given().get("/api/v1/members/" + member).then().body("status", equalTo("TRANSFERRED_OUT"));
        assertThat(Api.stats(street).getInt("members.partyMembers")).isZero();
        // the origin can be dissolved: members who left are history
        given().contentType("application/json").body(Map.of("reason", "合并")).post("/api/v1/org-units/" + from + "/dissolve")
                .then().statusCode(200);
    }

    @Test
    void concurrentAcceptAndRejectLeaveExactlyOneOutcome() throws Exception {
        String street = Api.street("race");
        String from = branch(street, "甲");
        String to = branch(street, "乙");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int round = 0; round < 6; round++) {
            String member = Api.member(from, "党员" + round, "FULL");
            String id = start(member, to);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String action = i % 2 == 0 ? "accept" : "reject";
                results.add(pool.submit(() -> {
                    go.await();
                    return given().contentType("application/json").body(Map.of("note", "决定"))
                            .post("/api/v1/transfers/" + id + "/" + action).then().extract().statusCode();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get());
            }
            assertThat(codes.stream().filter(c -> c == 200).count()).isEqualTo(1);
            assertThat(codes).containsOnly(200, 409);
            String status = given().get("/api/v1/transfers/" + id).then().extract().path("status");
            String unit = given().get("/api/v1/members/" + member).then().extract().path("unitId");
            assertThat(unit).isEqualTo(status.equals("ACCEPTED") ? to : from);
        }
        pool.shutdown();
        // every member is counted once, in exactly one of the two branches
        assertThat(Api.stats(from).getInt("members.full") + Api.stats(to).getInt("members.full")).isEqualTo(6);
        assertThat(Api.stats(street).getInt("members.full")).isEqualTo(6);
    }
}
