package org.community.org.education;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.community.org.support.Api;

/** Builds education data through the HTTP API as CITY_ADMIN (tests share one database: names are unique per unit). */
final class Edu {

    private Edu() {
    }

    /** A community with a branch of two building groups: {community, branch, groupA, groupB}. */
    static String[] community(String prefix) {
        String street = Api.street(prefix);
        String community = Api.unit(Api.unique(prefix + "-c"), "滨湖世纪社区", "COMMUNITY", "COMMITTEE", street);
        String branch = Api.unit(Api.unique(prefix + "-b"), "临湖苑支部", "COMPOUND", "BRANCH", community);
        String groupA = Api.unit(Api.unique(prefix + "-ga"), "1幢党小组", "BUILDING", "GROUP", branch);
        String groupB = Api.unit(Api.unique(prefix + "-gb"), "2幢党小组", "BUILDING", "GROUP", branch);
        return new String[] { community, branch, groupA, groupB, street };
    }

    static String externalTeacher(String unitId, String name, String... specialties) {
        return given().contentType("application/json").body(Map.of("unitId", unitId, "kind", "EXTERNAL", "name", name, "affiliation", "安徽省委党校",
                "title", "教授", "specialties", List.of(specialties))).post("/api/v1/education/teachers").then().statusCode(201).extract().path("id");
    }

    static String program(String unitId, String name, String startsOn, String endsOn, int requiredCredits) {
        return given().contentType("application/json").body(Map.of("unitId", unitId, "name", name, "startsOn", startsOn, "endsOn", endsOn,
                "requiredCredits", requiredCredits)).post("/api/v1/education/programs").then().statusCode(201).extract().path("id");
    }

    static String venue(String programId, String name, String kind) {
        return given().contentType("application/json").body(Map.of("name", name, "kind", kind))
                .post("/api/v1/education/programs/" + programId + "/venues").then().statusCode(201).extract().path("id");
    }

    static String course(String programId, String title, String teacherId, String format, double credits) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "theme", "基层党建", "teacherId", teacherId, "hours", 2, "credits", credits,
                "format", format));
        return given().contentType("application/json").body(body).post("/api/v1/education/programs/" + programId + "/courses")
                .then().statusCode(201).extract().path("id");
    }

    static String session(String courseId, String startsAt, String endsAt, String... venueIds) {
        return given().contentType("application/json").body(Map.of("startsAt", startsAt, "endsAt", endsAt, "venueIds", List.of(venueIds)))
                .post("/api/v1/education/courses/" + courseId + "/sessions").then().statusCode(201).extract().path("id");
    }

    static void enrolUnit(String programId, String unitId) {
        given().contentType("application/json").body(Map.of("programId", programId, "unitId", unitId)).post("/api/v1/education/enrolments")
                .then().statusCode(200);
    }

    static void open(String programId) {
        given().contentType("application/json").body(Map.of("to", "OPEN")).post("/api/v1/education/programs/" + programId + "/transitions")
                .then().statusCode(200);
    }

    static void attend(String sessionId, String venueId, String... memberIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("venueId", venueId);
        body.put("memberIds", List.of(memberIds));
        given().contentType("application/json").body(body).post("/api/v1/education/sessions/" + sessionId + "/attendance/batch")
                .then().statusCode(200);
    }
}
