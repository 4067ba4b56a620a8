package org.community.volunteer.activity;

import static io.restassured.RestAssured.given;
import static org.community.volunteer.Fixtures.post;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.community.volunteer.FakeOrgService;
import org.community.conventions.testing.Tokens;
import org.community.volunteer.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
class SignupAndCheckInTest {

    @BeforeEach
    void token() {
        Tokens.useCityAdminByDefault();
    }

    private String newTeam(String name) {
        String leader = Fixtures.volunteer(name + "队长", FakeOrgService.COMMUNITY_A);
        return Fixtures.team(name, FakeOrgService.COMMUNITY_A, leader, "ELDER_CARE");
    }

    private String leaderOf(String team) {
        return given().get("/api/v1/teams/" + team).then().extract().path("leaderId");
    }

    @Test
    void capacityFillsThenWaitlistIsPromotedFirstComeFirstServed() {
        String team = newTeam("助老服务队");
        OffsetDateTime start = Fixtures.now().plusDays(2);
        String activity = Fixtures.activity(team, "重阳节陪伴", start, start.plusHours(3), 2, null);
        String a = Fixtures.volunteer("甲", null);
        String b = Fixtures.volunteer("乙", null);
        String c = Fixtures.volunteer("丙", null);
        String d = Fixtures.volunteer("丁", null);
        String signupA = Fixtures.signUp(activity, a).then().statusCode(201).body("status", equalTo("CONFIRMED")).extract().path("id");
        Fixtures.signUp(activity, b).then().statusCode(201).body("status", equalTo("CONFIRMED"));
        // past capacity: a waitlist place, not an error
        String signupC = Fixtures.signUp(activity, c).then().statusCode(201).body("status", equalTo("WAITLISTED"))
                .body("waitlistPosition", equalTo(1)).extract().path("id");
        String signupD = Fixtures.signUp(activity, d).then().statusCode(201).body("waitlistPosition", equalTo(2)).extract().path("id");
        given().get("/api/v1/activities/" + activity).then().body("confirmed", equalTo(2)).body("waitlisted", equalTo(2))
                .body("placesLeft", equalTo(0));
        // twice: 409, nothing added
        Fixtures.signUp(activity, a).then().statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("volunteerId"));
        // a cancels: c (first in the queue) is promoted, d moves up
        post("/api/v1/activities/" + activity + "/signups/" + signupA + "/cancel", "").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().get("/api/v1/activities/" + activity + "/signups/" + signupC).then().body("status", equalTo("CONFIRMED"))
                .body("waitlistPosition", nullValue());
        given().get("/api/v1/activities/" + activity + "/signups/" + signupD).then().body("waitlistPosition", equalTo(1));
        given().get("/api/v1/activities/" + activity).then().body("confirmed", equalTo(2)).body("waitlisted", equalTo(1));
        post("/api/v1/activities/" + activity + "/signups/" + signupA + "/cancel", "").then().statusCode(409);
        // more places promote at once
        String etag = given().get("/api/v1/activities/" + activity).then().extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag).body("{\"teamId\":\"" + team + "\",\"title\":\"重阳节陪伴\","
                + "\"category\":\"ELDER_CARE\",\"place\":\"社区活动中心\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(3)
                + "\",\"capacity\":5}").put("/api/v1/activities/" + activity).then().statusCode(200)
                .body("confirmed", equalTo(3)).body("waitlisted", equalTo(0));
    }

    @Test
    void overlappingSignUpsAndWindowsAreRefused() {
        String team = newTeam("巡逻队");
        OffsetDateTime start = Fixtures.now().plusDays(3);
        String first = Fixtures.activity(team, "夜间巡逻", start, start.plusHours(2), 10, null);
        String overlapping = Fixtures.activity(team, "消防检查", start.plusHours(1), start.plusHours(3), 10, null);
        String later = Fixtures.activity(team, "垃圾分类", start.plusHours(2), start.plusHours(4), 10, null);
        String notYet = Fixtures.activity(team, "未开放", start, start.plusHours(1), 10,
                "\"signupOpensAt\":\"" + Fixtures.now().plusDays(1) + "\"");
        String volunteer = Fixtures.volunteer("巡逻员", null);
        Fixtures.signUp(first, volunteer).then().statusCode(201);
        Fixtures.signUp(overlapping, volunteer).then().statusCode(409).body("errors[0].message", org.hamcrest.Matchers.containsString("夜间巡逻"));
        Fixtures.signUp(later, volunteer).then().statusCode(201).body("status", equalTo("CONFIRMED"));
        Fixtures.signUp(notYet, volunteer).then().statusCode(409);
        given().get("/api/v1/activities/" + overlapping).then().body("confirmed", equalTo(0));
        // required skills
        String skilled = Fixtures.activity(team, "急救培训", start.plusDays(1), start.plusDays(1).plusHours(2), 10,
                "\"requiredSkills\":[\"FIRST_AID\"]");
        Fixtures.signUp(skilled, volunteer).then().statusCode(422).body("errors[0].message", org.hamcrest.Matchers.containsString("FIRST_AID"));
        // bad times
        post("/api/v1/activities", "{\"teamId\":\"" + team + "\",\"title\":\"倒序\",\"category\":\"SAFETY\",\"place\":\"x\",\"startsAt\":\""
                + start + "\",\"endsAt\":\"" + start.minusHours(1) + "\",\"capacity\":3}").then().statusCode(400)
                .body("errors[0].field", equalTo("endsAt"));
        post("/api/v1/activities", "{\"teamId\":\"" + team + "\",\"title\":\"无名额\",\"category\":\"SAFETY\",\"place\":\"x\",\"startsAt\":\""
                + start + "\",\"endsAt\":\"" + start.plusHours(1) + "\",\"capacity\":0}").then().statusCode(400)
                .body("errors[0].field", equalTo("capacity"));
    }

    @Test
    void checkInAndOutByCodeOrLeader() {
        String team = newTeam("签到队");
        String leader = leaderOf(team);
        OffsetDateTime start = Fixtures.now().minusHours(2);
        String activity = Fixtures.activity(team, "电梯安全巡查", start, start.plusHours(3), 3, "\"signupClosesAt\":\"" + start.plusHours(3) + "\"");
        String future = Fixtures.activity(team, "明天的活动", start.plusDays(1), start.plusDays(1).plusHours(2), 3, null);
        String v = Fixtures.volunteer("签到员", null);
        String w = Fixtures.volunteer("候补员", null);
        String x = Fixtures.volunteer("代签员", null);
        Fixtures.signUp(activity, v).then().statusCode(201);
        Fixtures.signUp(activity, x).then().statusCode(201);
        Fixtures.signUp(future, v).then().statusCode(201);
        String code = Fixtures.code(activity);
        String wrong = code.equals("000000") ? "111111" : "000000";
        // check-out before check-in
        post("/api/v1/activities/" + activity + "/check-outs", "{\"volunteerId\":\"" + v + "\",\"code\":\"" + code + "\"}")
                .then().statusCode(409).body("errors[0].field", equalTo("volunteerId"));
        post("/api/v1/activities/" + activity + "/check-ins", "{\"volunteerId\":\"" + v + "\",\"code\":\"" + wrong + "\"}")
                .then().statusCode(422).body("errors[0].field", equalTo("code"));
        post("/api/v1/activities/" + activity + "/check-ins", "{\"volunteerId\":\"" + w + "\",\"code\":\"" + code + "\"}")
                .then().statusCode(409);
        // outside the window: tomorrow's activity
        post("/api/v1/activities/" + future + "/check-ins", "{\"volunteerId\":\"" + v + "\",\"code\":\"" + Fixtures.code(future) + "\"}")
                .then().statusCode(409);
        String record = post("/api/v1/activities/" + activity + "/check-ins", "{\"volunteerId\":\"" + v + "\",\"code\":\"" + code + "\"}")
                .then().statusCode(201).body("status", equalTo("CHECKED_IN")).body("checkInMethod", equalTo("CODE")).extract().path("id");
        post("/api/v1/activities/" + activity + "/check-ins", "{\"volunteerId\":\"" + v + "\",\"code\":\"" + code + "\"}")
                .then().statusCode(409);
        // a rotated code replaces the old one
        String rotated = post("/api/v1/activities/" + activity + "/check-in-code/rotate", "").then().statusCode(200).extract().path("code");
        if (!rotated.equals(code)) {
            post("/api/v1/activities/" + activity + "/check-outs", "{\"volunteerId\":\"" + v + "\",\"code\":\"" + code + "\"}")
                    .then().statusCode(422);
        }
        // checked in at about start+2h (now), out now: minutes counted from the start is impossible, from check-in ~0
        post("/api/v1/activities/" + activity + "/check-outs", "{\"volunteerId\":\"" + v + "\",\"code\":\"" + rotated + "\"}")
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("minutes", equalTo(0));
        post("/api/v1/activities/" + activity + "/check-outs", "{\"volunteerId\":\"" + v + "\",\"code\":\"" + rotated + "\"}")
                .then().statusCode(409);
        given().get("/api/v1/service-records/" + record).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        // the leader records x from the start to now: 120 minutes, clipped to the activity
        post("/api/v1/activities/" + activity + "/check-ins", "{\"volunteerId\":\"" + x + "\",\"leaderId\":\"" + leader + "\",\"at\":\""
                + start.minusMinutes(20) + "\"}").then().statusCode(201).body("checkInMethod", equalTo("LEADER"));
        post("/api/v1/activities/" + activity + "/check-outs", "{\"volunteerId\":\"" + x + "\",\"leaderId\":\"" + leader + "\",\"at\":\""
                + start.plusHours(2) + "\"}").then().statusCode(200).body("minutes", equalTo(120));
        // someone not leading the team cannot record
        post("/api/v1/activities/" + activity + "/check-ins", "{\"volunteerId\":\"" + w + "\",\"leaderId\":\"" + v + "\"}")
                .then().statusCode(422).body("errors[0].field", equalTo("leaderId"));
        // a volunteer cannot choose the time
        post("/api/v1/activities/" + activity + "/check-ins", "{\"volunteerId\":\"" + w + "\",\"code\":\"" + rotated + "\",\"at\":\""
                + start + "\"}").then().statusCode(400);
        // the record keeps the sign-up from being cancelled
        String signup = given().queryParam("status", "CONFIRMED").get("/api/v1/activities/" + activity + "/signups").then()
                .extract().path("items.find { it.volunteerId == '" + x + "' }.id");
        post("/api/v1/activities/" + activity + "/signups/" + signup + "/cancel", "").then().statusCode(409);
    }

    /** One volunteer racing into two overlapping activities from many threads: exactly one sign-up survives. */
    @Test
    void racingOverlappingSignUpsLeaveOne() throws Exception {
        String team = newTeam("竞态队");
        OffsetDateTime start = Fixtures.now().plusDays(5);
        String one = Fixtures.activity(team, "上午场", start, start.plusHours(2), 10, null);
        String two = Fixtures.activity(team, "交叉场", start.plusHours(1), start.plusHours(3), 10, null);
        String volunteer = Fixtures.volunteer("抢报员", null);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String activity = i % 2 == 0 ? one : two;
                results.add(pool.submit(() -> {
                    go.await();
                    return Fixtures.signUp(activity, volunteer).statusCode();
                }));
            }
            go.countDown();
            int created = 0;
            for (Future<Integer> f : results) {
                int status = f.get();
                assertTrue(status == 201 || status == 409, "unexpected " + status);
                created += status == 201 ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        int confirmed = given().get("/api/v1/activities/" + one).then().extract().<Integer>path("confirmed")
                + given().get("/api/v1/activities/" + two).then().extract().<Integer>path("confirmed");
        assertEquals(1, confirmed);
        given().get("/api/v1/volunteers/" + volunteer + "/signups").then().body("total", equalTo(1));
    }

    /**
     * 200 volunteers sign up at once for 50 places, then all of them try to check in twice at once: 50
     * confirmed and 150 waitlisted, exactly 50 records, never more.
     */
    @Test
    void twoHundredConcurrentSignUpsAndCheckIns() throws Exception {
        String team = newTeam("并发队");
        OffsetDateTime start = Fixtures.now().minusMinutes(10);
        String activity = Fixtures.activity(team, "社区大扫除", start, start.plusHours(2), 50, "\"signupClosesAt\":\"" + start.plusHours(2) + "\"");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<String>> registering = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String name = "并发" + i;
                registering.add(pool.submit(() -> Fixtures.volunteer(name, null)));
            }
            List<String> volunteers = new ArrayList<>();
            for (Future<String> f : registering) {
                volunteers.add(f.get());
            }
            Map<String, String> statuses = new ConcurrentHashMap<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> signups = new ArrayList<>();
            for (String v : volunteers) {
                signups.add(pool.submit(() -> {
                    go.await();
                    var response = Fixtures.signUp(activity, v);
                    if (response.statusCode() == 201) {
                        statuses.put(v, response.path("status"));
                    }
                    return response.statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> f : signups) {
                assertEquals(201, f.get());
            }
            long confirmed = statuses.values().stream().filter("CONFIRMED"::equals).count();
            assertEquals(50, confirmed);
            assertEquals(150, statuses.values().stream().filter("WAITLISTED"::equals).count());
            given().get("/api/v1/activities/" + activity).then().body("confirmed", equalTo(50)).body("waitlisted", equalTo(150));
            given().queryParam("status", "WAITLISTED").queryParam("size", 1).get("/api/v1/activities/" + activity + "/signups").then()
                    .body("total", equalTo(150)).body("items[0].waitlistPosition", equalTo(1));

            String code = Fixtures.code(activity);
            AtomicInteger created = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            CountDownLatch go2 = new CountDownLatch(1);
            List<Callable<Integer>> checkIns = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String v : volunteers) {
                    checkIns.add(() -> {
                        go2.await();
                        int status = post("/api/v1/activities/" + activity + "/check-ins", "{\"volunteerId\":\"" + v + "\",\"code\":\"" + code + "\"}")
                                .statusCode();
                        (status == 201 ? created : refused).incrementAndGet();
                        return status;
                    });
                }
            }
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> c : checkIns) {
                results.add(pool.submit(c));
            }
            go2.countDown();
            for (Future<Integer> f : results) {
                int status = f.get();
                assertTrue(status == 201 || status == 409, "unexpected " + status);
            }
            assertEquals(50, created.get(), "one record per confirmed volunteer");
            assertEquals(350, refused.get());
            given().queryParam("activityId", activity).queryParam("size", 1).get("/api/v1/service-records").then()
                    .body("total", equalTo(50));
            for (Map.Entry<String, String> e : statuses.entrySet()) {
                if ("CONFIRMED".equals(e.getValue())) {
                    given().queryParam("activityId", activity).queryParam("volunteerId", e.getKey()).get("/api/v1/service-records").then()
                            .body("total", equalTo(1));
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        given().queryParam("teamId", team).get("/api/v1/activities").then().body("items.title", hasItem("社区大扫除"));
    }
}
