package org.community.org.education;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.junit.QuarkusTest;

import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

/** Edits of teachers, courses and mentorships: If-Match and ETags, unique names on edit and under a race, the latest progress. */
@QuarkusTest
class EducationEditsTest {

    @Test
    void aTeacherEditNeedsTheCurrentEtagAndKeepsNamesUniqueInThePool() {
        String[] t = Edu.community("edu-edit");
        String li = Edu.externalTeacher(t[0], "李明", "基层党建");
        Edu.externalTeacher(t[0], "王芳", "社区营造");
        String path = "/api/v1/education/teachers/" + li;
        Map<String, Object> body = new HashMap<>(Map.of("unitId", t[0], "kind", "EXTERNAL", "name", "李明", "affiliation", "安徽省委党校",
                "specialties", List.of("基层党建", "城市管理")));
        given().contentType("application/json").body(body).put(path).then().statusCode(428);
        String etag = Api.etag(path);
        String next = given().contentType("application/json").header("If-Match", etag).body(body).put(path).then().statusCode(200)
                .body("specialties", equalTo(List.of("基层党建", "城市管理"))).extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);
        given().contentType("application/json").header("If-Match", etag).body(body).put(path).then().statusCode(412);
        given().get("/api/v1/education/teachers?within=" + t[0] + "&specialty=城市管理").then().body("total", equalTo(1))
                .body("items[0].id", equalTo(li));

        body.put("name", "王芳");
        given().contentType("application/json").header("If-Match", next).body(body).put(path).then().statusCode(409)
                .body("errors[0].field", equalTo("name"));
        // another affiliation makes another teacher
        body.put("affiliation", "合肥市委党校");
        given().contentType("application/json").header("If-Match", next).body(body).put(path).then().statusCode(200)
                .body("name", equalTo("王芳"));
    }

    @Test
    void twoAdminsAddingTheSameTeacherAtOnceGetOneTeacher() throws Exception {
        String[] t = Edu.community("edu-race");
        Map<String, Object> body = Map.of("unitId", t[0], "kind", "EXTERNAL", "name", "赵敏", "affiliation", "中国科学技术大学",
                "specialties", List.of("志愿服务"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> admins = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            admins.add(() -> given().contentType("application/json").body(body).post("/api/v1/education/teachers").then().extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(admins)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        given().get("/api/v1/education/teachers?within=" + t[0]).then().body("total", equalTo(1));
    }

    @Test
    void aCourseEditNeedsTheCurrentEtagAndATitleOfItsOwn() {
        String[] t = Edu.community("edu-course");
        String teacher = Edu.externalTeacher(t[0], "李明", "基层党建");
        String program = Edu.program(t[0], "2026 冬训春训", "2026-11-01", "2027-04-30", 4);
        String course = Edu.course(program, "党建引领小区治理", teacher, "IN_PERSON", 2);
        Edu.course(program, "社区协商议事", teacher, "IN_PERSON", 2);
        String path = "/api/v1/education/courses/" + course;
        Map<String, Object> body = new HashMap<>(Map.of("title", "社区协商议事", "theme", "基层党建", "teacherId", teacher, "hours", 3, "credits", 2,
                "format", "IN_PERSON"));
        given().contentType("application/json").body(body).put(path).then().statusCode(428);
        String etag = Api.etag(path);
        given().contentType("application/json").header("If-Match", etag).body(body).put(path).then().statusCode(409)
                .body("errors[0].field", equalTo("title"));
        body.put("title", "党建引领小区治理(第二版)");
        String next = given().contentType("application/json").header("If-Match", etag).body(body).put(path).then().statusCode(200)
                .body("title", equalTo("党建引领小区治理(第二版)")).body("hours", equalTo(3.0f)).extract().header("ETag");
        assertThat(next).isNotEqualTo(etag);
        given().contentType("application/json").header("If-Match", etag).body(body).put(path).then().statusCode(412);
        given().get("/api/v1/education/programs/" + program).then().body("courses", equalTo(2));
    }

    @Test
    void aBackdatedAssessmentLeavesTheLaterProgress() {
        String street = Api.street("studio-edit");
        String c1 = Api.unit(Api.unique("se-c1"), "联勤居民区", "COMMUNITY", "BRANCH", street);
        String lead = Api.member(c1, "老书记", "FULL");
        String mentee = Api.member(c1, "新书记", "FULL");
        String studio = given().contentType("application/json").body(Map.of("unitId", street, "name", "红帆书记工作室", "leadMemberId", lead,
                "foundedOn", "2016-12-01")).post("/api/v1/education/studios").then().statusCode(201).extract().path("id");
        String pair = given().contentType("application/json").body(Map.of("mentorMemberId", lead, "menteeMemberId", mentee, "startedOn",
                "2023-03-01", "goals", "三会一课组织")).post("/api/v1/education/studios/" + studio + "/mentorships").then().statusCode(201)
                .extract().path("id");
        String path = "/api/v1/education/studios/mentorships/" + pair;
        given().contentType("application/json").body(Map.of("heldOn", "2023-09-05", "topic", "独立主持议事", "notes", "旁听点评", "hours", 2,
                "progress", 80)).post(path + "/sessions").then().statusCode(201).body("progress", equalTo(80));
        String etag = Api.etag(path);
        given().contentType("application/json").body(Map.of("heldOn", "2023-04-12", "topic", "补记:议事规则", "notes", "补记", "hours", 1,
                "progress", 30)).post(path + "/sessions").then().statusCode(201).body("progress", equalTo(80)).body("sessionCount", equalTo(2));
        // the backdated session is a new version of the pair
        given().contentType("application/json").header("If-Match", etag).body(Map.of("to", "COMPLETED", "on", "2023-12-20", "outcome", "结业"))
                .post(path + "/transitions").then().statusCode(412);
        given().contentType("application/json").header("If-Match", Api.etag(path)).body(Map.of("to", "COMPLETED", "on", "2023-12-20",
                "outcome", "结业")).post(path + "/transitions").then().statusCode(200).body("status", equalTo("COMPLETED"))
                .body("progress", equalTo(80));
    }
}
