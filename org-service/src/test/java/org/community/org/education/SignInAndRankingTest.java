package org.community.org.education;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

import org.community.org.support.Api;
import org.community.conventions.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Sign-in codes (expired, wrong, reused) and the monthly ranking with its reminder talks, on an education clock set to
 * the training days of December 2024 and moved forward instead of sleeping.
 */
@QuarkusTest
class SignInAndRankingTest {

    @Test
    void aMemberSignsInOnceWithALiveCode() throws Exception {
        FixedClock clock = new FixedClock(OffsetDateTime.parse("2024-12-07T08:40:00+08:00"));
        QuarkusMock.installMockForType(clock, EducationClock.class);
        String[] t = Edu.community("sign");
        String member = Api.member(t[2], "陈静", "FULL");
        String other = Api.member(t[3], "周涛", "FULL");
        String teacher = Edu.externalTeacher(t[0], "吴老师");
        String program = Edu.program(t[0], "2024 冬训春训", "2024-11-01", "2025-04-30", 2);
        String room = Edu.venue(program, "一号教室", "CLASSROOM");
        String course = Edu.course(program, "社区协商议事规则", teacher, "IN_PERSON", 2);
        String session = Edu.session(course, "2024-12-07T09:00:00+08:00", "2024-12-07T11:00:00+08:00", room);
        Edu.enrolUnit(program, t[1]);
        Edu.open(program);
        String etag = given().get("/api/v1/members/" + member).then().statusCode(200).extract().header("ETag");
        given().contentType("application/json").body(Map.of("account", "chen.jing." + member)).put("/api/v1/members/" + member + "/account")
                .then().statusCode(200);
        // linking an account is not an edit of the member's record: its ETag stays; an account is one member's
        given().get("/api/v1/members/" + member).then().statusCode(200).header("ETag", equalTo(etag));
        given().contentType("application/json").body(Map.of("account", "chen.jing." + member)).put("/api/v1/members/" + other + "/account")
                .then().statusCode(409).body("errors[0].field", equalTo("account"));
        String memberToken = Tokens.of("chen.jing." + member, "RESIDENT");

        // codes are shown from 30 minutes before the start
        clock.advance(Duration.ofMinutes(-20));
        given().contentType("application/json").body(Map.of("venueId", room)).post("/api/v1/education/sessions/" + session + "/sign-in-codes")
                .then().statusCode(422).body("errors[0].field", equalTo("sessionId"));
        clock.advance(Duration.ofMinutes(20));
        String code = given().contentType("application/json").body(Map.of("venueId", room))
                .post("/api/v1/education/sessions/" + session + "/sign-in-codes").then().statusCode(201).extract().path("code");
        String wrong = code.equals("000000") ? "000001" : "000000";

        given().auth().oauth2(memberToken).contentType("application/json").body(Map.of("code", wrong))
                .post("/api/v1/education/sessions/" + session + "/sign-ins").then().statusCode(422).body("errors[0].field", equalTo("code"));
        given().auth().oauth2(memberToken).contentType("application/json").body(Map.of("code", "12ab"))
                .post("/api/v1/education/sessions/" + session + "/sign-ins").then().statusCode(400).body("errors[0].field", equalTo("code"));
        // a resident without a linked member, and a member signing in for someone else
        given().auth().oauth2(Tokens.of("nobody", "RESIDENT")).contentType("application/json").body(Map.of("code", code))
                .post("/api/v1/education/sessions/" + session + "/sign-ins").then().statusCode(400).body("errors[0].field", equalTo("memberId"));
        given().auth().oauth2(memberToken).contentType("application/json").body(Map.of("code", code, "memberId", other))
                .post("/api/v1/education/sessions/" + session + "/sign-ins").then().statusCode(403);

        // the same code typed twice at once: one attendance
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> tries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            tries.add(() -> given().auth().oauth2(memberToken).contentType("application/json").body(Map.of("code", code))
                    .post("/api/v1/education/sessions/" + session + "/sign-ins").then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(tries)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        given().get("/api/v1/education/sessions/" + session + "/attendance").then().body("total", equalTo(1))
                .body("items[0].method", equalTo("CODE")).body("items[0].venueId", equalTo(room));
        given().auth().oauth2(memberToken).get("/api/v1/education/credits/mine").then().statusCode(200)
                .body("[0].credits", equalTo(2.0f)).body("[0].completed", equalTo(true));

        // 16 minutes later the code has expired; staff type a fresh one for the other member
        clock.advance(Duration.ofMinutes(16));
        given().contentType("application/json").body(Map.of("code", code, "memberId", other))
                .post("/api/v1/education/sessions/" + session + "/sign-ins").then().statusCode(422).body("errors[0].field", equalTo("code"));
        String fresh = given().contentType("application/json").body(Map.of("venueId", room))
                .post("/api/v1/education/sessions/" + session + "/sign-in-codes").then().statusCode(201).extract().path("code");
        given().contentType("application/json").body(Map.of("code", fresh, "memberId", other))
                .post("/api/v1/education/sessions/" + session + "/sign-ins").then().statusCode(201).body("name", equalTo("周涛"));
        // the audit entry of a code does not hold the code
        given().get("/api/v1/org-audit?resourceId=" + session + "&size=50").then().statusCode(200)
                .body("items.find { it.action == 'signInCode.issue' }.summary.code", nullValue());
    }

    @Test
    void theMonthlyRankingNamesExcellentTraineesAndTheBottomForAReminderTalk() {
        FixedClock clock = new FixedClock(OffsetDateTime.parse("2024-12-20T10:00:00+08:00"));
        QuarkusMock.installMockForType(clock, EducationClock.class);
        String[] t = Edu.community("rank");
        String[] names = { "甲", "乙", "丙", "丁", "戊", "己" };
        List<String> m = new ArrayList<>();
        for (String name : names) {
            m.add(Api.member(t[2], "学员" + name, "FULL"));
        }
        String teacher = Edu.externalTeacher(t[0], "郑老师");
        String program = Edu.program(t[0], "2024 冬训春训", "2024-11-01", "2025-04-30", 6);
        String room = Edu.venue(program, "一号教室", "CLASSROOM");
        String c1 = Edu.course(program, "课程一", teacher, "IN_PERSON", 2);
        String c2 = Edu.course(program, "课程二", teacher, "IN_PERSON", 2);
        String c3 = Edu.course(program, "课程三", teacher, "IN_PERSON", 1);
        String s1 = Edu.session(c1, "2024-12-03T09:00:00+08:00", "2024-12-03T11:00:00+08:00", room);
        String s2 = Edu.session(c2, "2024-12-10T09:00:00+08:00", "2024-12-10T11:00:00+08:00", room);
        String s3 = Edu.session(c3, "2024-12-17T09:00:00+08:00", "2024-12-17T10:00:00+08:00", room);
        String old = Edu.session(c3, "2024-11-26T09:00:00+08:00", "2024-11-26T10:00:00+08:00", room);
        Edu.enrolUnit(program, t[2]);
        Edu.open(program);
        // December: 甲 5 credits, 乙 4, 丙 2, 丁 1 (its course earned in November counts there), 戊 and 己 nothing
        Edu.attend(s1, room, m.get(0), m.get(1), m.get(2));
        Edu.attend(s2, room, m.get(0), m.get(1));
        Edu.attend(s3, room, m.get(0), m.get(3));
        Edu.attend(old, room, m.get(4));

        // this month by the education clock; top 3 with at least 2 credits; the last 3 places with no credits
        given().get("/api/v1/education/rankings?programId=" + program).then().statusCode(200).body("total", equalTo(6))
                .body("items[0].name", equalTo("学员甲")).body("items[0].rank", equalTo(1)).body("items[0].monthCredits", equalTo(5.0f))
                .body("items[3].name", equalTo("学员丁")).body("items[3].monthCredits", equalTo(1.0f)).body("items[3].excellent", equalTo(false))
                .body("items[4].rank", equalTo(5)).body("items[5].rank", equalTo(5));
        given().get("/api/v1/education/rankings/excellent?programId=" + program + "&month=2024-12").then().body("total", equalTo(3))
                .body("items.name", org.hamcrest.Matchers.contains("学员甲", "学员乙", "学员丙"));
        // 戊 earned a course in November: no credits in December, still at the bottom; November ranks 戊 first
        given().get("/api/v1/education/rankings/bottom?programId=" + program + "&month=2024-12").then().body("total", equalTo(2))
                .body("items.name", org.hamcrest.Matchers.containsInAnyOrder("学员戊", "学员己"))
                .body("items[0].reminderTalk", nullValue()).body("items[0].totalCredits", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/education/rankings/excellent?programId=" + program + "&month=2024-11").then().body("total", equalTo(0));
        given().get("/api/v1/education/rankings?programId=" + program + "&month=2024-11").then().body("items[0].name", equalTo("学员戊"));
        given().get("/api/v1/education/rankings?programId=" + program + "&month=2024-13").then().statusCode(400)
                .body("errors[0].field", equalTo("month"));

        // the reminder talk: only with the bottom, not for a month to come, once per month
        Map<String, Object> talk = new java.util.HashMap<>(Map.of("programId", program, "memberId", m.get(0), "month", "2024-12",
                "talkedBy", "王书记", "talkedOn", "2024-12-20", "notes", "工作繁忙未参学,约定补学"));
        given().contentType("application/json").body(talk).post("/api/v1/education/reminder-talks").then().statusCode(422)
                .body("errors[0].field", equalTo("memberId"));
        talk.put("memberId", m.get(5));
        talk.put("month", "2025-01");
        given().contentType("application/json").body(talk).post("/api/v1/education/reminder-talks").then().statusCode(422)
                .body("errors[0].field", equalTo("month"));
        talk.put("month", "2024-12");
        given().contentType("application/json").body(talk).post("/api/v1/education/reminder-talks").then().statusCode(201)
                .body("talkedBy", equalTo("王书记")).body("month", equalTo("2024-12"));
        given().contentType("application/json").body(talk).post("/api/v1/education/reminder-talks").then().statusCode(409);
        given().get("/api/v1/education/rankings/bottom?programId=" + program + "&month=2024-12").then()
                .body("items.find { it.name == '学员己' }.reminderTalk.notes", equalTo("工作繁忙未参学,约定补学"));
        given().get("/api/v1/education/reminder-talks?programId=" + program).then().body("total", equalTo(1));

        // a trainee reads their own place; January starts everyone at nothing
        given().contentType("application/json").body(Map.of("account", "rank.yi." + m.get(1))).put("/api/v1/members/" + m.get(1) + "/account")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of("rank.yi." + m.get(1), "RESIDENT")).get("/api/v1/education/rankings/mine?programId=" + program)
                .then().statusCode(200).body("line.rank", equalTo(2)).body("line.excellent", equalTo(true)).body("rule.trainees", equalTo(6));
        given().auth().oauth2(Tokens.of("rank.yi." + m.get(1), "RESIDENT")).get("/api/v1/education/rankings?programId=" + program)
                .then().statusCode(403);
        clock.advance(Duration.ofDays(15));
        given().get("/api/v1/education/rankings/rule?programId=" + program).then().body("month", equalTo("2025-01"));
        given().get("/api/v1/education/rankings/excellent?programId=" + program).then().body("total", equalTo(0));
    }
}
