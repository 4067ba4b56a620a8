package org.community.org.education;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

/** A program from plan to report: teachers, venues, formats, enrolment, attendance by staff, credits, growth record, reports. */
@QuarkusTest
class EducationProgramTest {

    @Test
    void aProgramRunsFromPlanToReports() throws Exception {
        String[] t = Edu.community("edu");
        String community = t[0];
        String branch = t[1];
        String a1 = Api.member(t[2], "张伟", "FULL");
        String a2 = Api.member(t[2], "李娜", "FULL");
        String b1 = Api.member(t[3], "王强", "FULL");
        Api.member(t[3], "赵敏", "APPLICANT"); // not a party member: not enrolled by unit

        // the teacher pool: an internal teacher carries the member's name; a member is in a pool once
        String internal = given().contentType("application/json").body(Map.of("unitId", community, "kind", "INTERNAL", "memberId", a1,
                "specialties", List.of("社区协商"))).post("/api/v1/education/teachers").then().statusCode(201)
                .body("name", equalTo("张伟")).extract().path("id");
        given().contentType("application/json").body(Map.of("unitId", community, "kind", "INTERNAL", "memberId", a1, "specialties", List.of()))
                .post("/api/v1/education/teachers").then().statusCode(409).body("errors[0].field", equalTo("memberId"));
        given().contentType("application/json").body(Map.of("unitId", community, "kind", "EXTERNAL", "specialties", List.of()))
                .post("/api/v1/education/teachers").then().statusCode(400).body("errors[0].field", equalTo("name"));
        String external = Edu.externalTeacher(community, "李明", "基层党建", "社区营造");
        given().get("/api/v1/education/teachers?within=" + community + "&specialty=社区营造").then().body("total", equalTo(1))
                .body("items[0].name", equalTo("李明"));

        // the program and its plan
        String program = Edu.program(community, "2024 冬训春训", "2024-11-01", "2025-04-30", 4);
        given().contentType("application/json").body(Map.of("unitId", community, "name", "2024 冬训春训", "startsOn", "2024-11-01",
                "endsOn", "2025-04-30", "requiredCredits", 4)).post("/api/v1/education/programs").then().statusCode(409)
                .body("errors[0].field", equalTo("name"));
        given().contentType("application/json").body(Map.of("unitId", community, "name", "倒序", "startsOn", "2024-11-01",
                "endsOn", "2024-10-01", "requiredCredits", 4)).post("/api/v1/education/programs").then().statusCode(400)
                .body("errors[0].field", equalTo("endsOn"));
        String room = Edu.venue(program, "社区治理学院 一号教室", "CLASSROOM");
        String main = Edu.venue(program, "党群服务中心 主课堂", "MAIN_CLASSROOM");
        String sub = Edu.venue(program, "临湖苑 分课堂", "SUB_CLASSROOM");
        String inPerson = Edu.course(program, "党建引领小区治理", external, "IN_PERSON", 2);
        String video = Edu.course(program, "学习贯彻二十大精神", internal, "VIDEO", 3);
        // venues must fit the format; sessions fall inside the program
        given().contentType("application/json").body(Map.of("startsAt", "2024-12-07T09:00:00+08:00", "endsAt", "2024-12-07T11:00:00+08:00",
                "venueIds", List.of(main))).post("/api/v1/education/courses/" + inPerson + "/sessions").then().statusCode(422)
                .body("errors[0].field", equalTo("venueIds[0]"));
        given().contentType("application/json").body(Map.of("startsAt", "2024-12-07T09:00:00+08:00", "endsAt", "2024-12-07T11:00:00+08:00",
                "venueIds", List.of(sub))).post("/api/v1/education/courses/" + video + "/sessions").then().statusCode(400)
                .body("errors[0].field", equalTo("venueIds"));
        given().contentType("application/json").body(Map.of("startsAt", "2025-06-07T09:00:00+08:00", "endsAt", "2025-06-07T11:00:00+08:00",
                "venueIds", List.of(room))).post("/api/v1/education/courses/" + inPerson + "/sessions").then().statusCode(422)
                .body("errors[0].field", equalTo("startsAt"));
        String s1 = Edu.session(inPerson, "2024-12-07T09:00:00+08:00", "2024-12-07T11:00:00+08:00", room);
        String s2 = Edu.session(inPerson, "2024-12-14T09:00:00+08:00", "2024-12-14T11:00:00+08:00", room);
        String s3 = Edu.session(video, "2025-01-10T14:00:00+08:00", "2025-01-10T17:00:00+08:00", main, sub);

        // enrolment: the party members of the branch; again adds nothing
        given().contentType("application/json").body(Map.of("programId", program, "unitId", branch)).post("/api/v1/education/enrolments")
                .then().statusCode(200).body("enrolled", equalTo(3)).body("alreadyEnrolled", equalTo(0));
        given().contentType("application/json").body(Map.of("programId", program, "unitId", branch)).post("/api/v1/education/enrolments")
                .then().statusCode(200).body("enrolled", equalTo(0)).body("alreadyEnrolled", equalTo(3));

        // attendance needs an open program
        Map<String, Object> staff = Map.of("memberId", a1, "venueId", room);
        given().contentType("application/json").body(staff).post("/api/v1/education/sessions/" + s1 + "/attendance").then().statusCode(409);
        Edu.open(program);
        given().contentType("application/json").body(Map.of("to", "PLANNED")).post("/api/v1/education/programs/" + program + "/transitions")
                .then().statusCode(409).body("errors[0].field", equalTo("to"));

        // two clerks record the same attendance at once: one record, the other is told it exists
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> clerks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            clerks.add(() -> given().contentType("application/json").body(staff).post("/api/v1/education/sessions/" + s1 + "/attendance")
                    .then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(clerks)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        // the batch counts a1 as recorded already, and refuses a stranger without writing anything
        String stranger = Api.member(Api.unit(Api.unique("edu-x"), "外支部", "COMMUNITY", "BRANCH", t[4]), "外人", "FULL");
        given().contentType("application/json").body(Map.of("venueId", room, "memberIds", List.of(a2, stranger)))
                .post("/api/v1/education/sessions/" + s1 + "/attendance/batch").then().statusCode(422).body("errors[0].field", equalTo("memberIds[1]"));
        given().contentType("application/json").body(Map.of("venueId", room, "memberIds", List.of(a1, a2)))
                .post("/api/v1/education/sessions/" + s1 + "/attendance/batch").then().statusCode(200)
                .body("recorded", equalTo(1)).body("alreadyRecorded", equalTo(1));
        // a second session of the same course: person-times grow, the course's credits count once
        Edu.attend(s2, room, a1);
        Edu.attend(s3, main, a1, b1);
        Edu.attend(s3, sub, a2);
        given().contentType("application/json").body(Map.of("venueId", room, "memberIds", List.of(b1)))
                .post("/api/v1/education/sessions/" + s3 + "/attendance/batch").then().statusCode(422).body("errors[0].field", equalTo("venueId"));
        JsonPath session = given().get("/api/v1/education/sessions/" + s3).then().statusCode(200).extract().jsonPath();
        assertThat(session.getInt("attended")).isEqualTo(3);
        assertThat(session.getList("venues.attended", Integer.class)).containsExactly(2, 1); // main, then sub
        // the program's list carries each session's venues too, as its schema says
        JsonPath listed = given().get("/api/v1/education/programs/" + program + "/sessions?size=200").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items.find { it.id == '" + s3 + "' }.venues.attended", Integer.class)).containsExactly(2, 1);
        assertThat(listed.getList("items.find { it.id == '" + s1 + "' }.venues.venueId", String.class)).containsExactly(room);

        given().get("/api/v1/education/enrolments?programId=" + program).then().statusCode(200).body("total", equalTo(3))
                .body("items[0].name", equalTo("张伟")).body("items[0].credits", equalTo(5.0f)).body("items[0].sessions", equalTo(3))
                .body("items[0].completed", equalTo(true)).body("items[2].credits", equalTo(3.0f)).body("items[2].completed", equalTo(false));
        // credits appear in the growth record (一人一册)
        given().get("/api/v1/org-life/members/" + a1 + "/growth-record").then().statusCode(200)
                .body("studyCredits", hasSize(1)).body("studyCredits[0].programName", equalTo("2024 冬训春训"))
                .body("studyCredits[0].credits", equalTo(5.0f)).body("studyCredits[0].courses", equalTo(2))
                .body("studyCredits[0].sessions", equalTo(3)).body("studyCredits[0].completed", equalTo(true));

        // reports: person-times per subtree and period, completion, teachers' loads
        given().get("/api/v1/education/reports/person-times?within=" + community + "&from=2024-11-01&to=2025-04-30").then().statusCode(200)
                .body("personTimes", equalTo(6)).body("trainees", equalTo(3)).body("sessions", equalTo(3))
                .body("byMonth", hasSize(2)).body("byMonth[0].month", equalTo("2024-12")).body("byMonth[0].personTimes", equalTo(3));
        given().get("/api/v1/education/reports/person-times?within=" + t[3] + "&from=2024-11-01&to=2024-12-31").then()
                .body("personTimes", equalTo(0));
        given().get("/api/v1/education/reports/person-times?within=" + community + "&from=2025-01-01&to=2024-01-01").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().get("/api/v1/education/reports/completion?programId=" + program + "&within=" + branch).then().statusCode(200)
                .body("enrolled", equalTo(3)).body("completed", equalTo(2)).body("rate", equalTo(0.6667f))
                .body("byUnit", hasSize(2)).body("byUnit[0].enrolled", equalTo(2)).body("byUnit[0].completed", equalTo(2));
        given().get("/api/v1/education/reports/teacher-loads?within=" + community + "&from=2024-11-01&to=2025-04-30").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].name", equalTo("李明")).body("items[0].sessions", equalTo(2))
                .body("items[0].hours", equalTo(4.0f)).body("items[0].personTimes", equalTo(3))
                .body("items[1].name", equalTo("张伟")).body("items[1].personTimes", equalTo(3));
        given().get("/api/v1/education/teachers/" + external).then().statusCode(200).body("courses", hasSize(1))
                .body("courses[0].sessions", equalTo(2));

        // a closed program is final; the audit log has the writes
        given().contentType("application/json").body(Map.of("to", "CLOSED")).post("/api/v1/education/programs/" + program + "/transitions")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        given().contentType("application/json").body(Map.of("memberId", b1, "venueId", room))
                .post("/api/v1/education/sessions/" + s2 + "/attendance").then().statusCode(409);
        given().get("/api/v1/org-audit?within=" + community + "&resourceType=session&size=200").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItems("session.create", "attendance.record", "attendance.batch"));
    }

    @Test
    void programUpdatesNeedIfMatchAndEnglishProblemsNameTheField() {
        String[] t = Edu.community("edu-upd");
        String program = Edu.program(t[0], "2025 冬训春训", "2025-11-01", "2026-04-30", 6);
        Map<String, Object> body = new HashMap<>(Map.of("unitId", t[0], "name", "2025 冬训春训(修订)", "startsOn", "2025-11-01",
                "endsOn", "2026-04-30", "requiredCredits", 8));
        given().contentType("application/json").body(body).put("/api/v1/education/programs/" + program).then().statusCode(428);
        String etag = Api.etag("/api/v1/education/programs/" + program);
        given().contentType("application/json").header("If-Match", etag).body(body).put("/api/v1/education/programs/" + program)
                .then().statusCode(200).body("name", equalTo("2025 冬训春训(修订)")).body("requiredCredits", equalTo(8.0f));
        given().contentType("application/json").header("If-Match", etag).body(body).put("/api/v1/education/programs/" + program)
                .then().statusCode(412);
        given().contentType("application/json").header("Accept-Language", "en").body(Map.of("name", "x", "kind", "STADIUM"))
                .post("/api/v1/education/programs/" + program + "/venues").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        // a retried POST with the same Idempotency-Key creates one venue
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").header("Idempotency-Key", "edu-venue-" + program).body(Map.of("name", "一号教室", "kind", "CLASSROOM"))
                    .post("/api/v1/education/programs/" + program + "/venues").then().statusCode(201);
        }
        given().get("/api/v1/education/programs/" + program + "/venues").then().body("$", hasSize(1));
    }
}
