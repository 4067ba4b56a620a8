package org.community.org.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;

/** Builds trees and households through the HTTP API, with codes unique per test run (tests share one database). */
public final class Api {

    private Api() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String unit(String code, String name, String level, String form, String parentId) {
        return unit(code, name, level, form, parentId, "书记" + name);
    }

    public static String unit(String code, String name, String level, String form, String parentId, String leader) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("level", level);
        body.put("form", form);
        body.put("parentId", parentId);
        body.put("leaderName", leader);
        return given().contentType("application/json").body(body)
                .post("/api/v1/org-units")
                .then().statusCode(201).extract().path("id");
    }

    /** A city, district and street: the top of a chain for a test's community. */
    public static String street(String prefix) {
        String city = unit(unique(prefix + "-city"), "武汉市", "CITY", "COMMITTEE", null);
        String district = unit(unique(prefix + "-district"), "江汉区", "DISTRICT", "COMMITTEE", city);
        return unit(unique(prefix + "-street"), "唐家墩街道", "STREET", "COMMITTEE", district);
    }

    public static String household(String buildingId, String entrance, String room, int residents) {
        return given().contentType("application/json")
                .body(Map.of("buildingUnitId", buildingId, "entrance", entrance, "room", room, "residentsCount", residents,
                        "headName", "住户" + room, "phone", "13812345678"))
                .post("/api/v1/households")
                .then().statusCode(201).extract().path("id");
    }

    public static void designate(String householdId) {
        given().contentType("application/json").body(Map.of("plaqueDate", "2023-03-15"))
                .post("/api/v1/households/" + householdId + "/central")
                .then().statusCode(200);
    }

    public static void link(String centralId, String servedId) {
        given().put("/api/v1/households/" + centralId + "/served/" + servedId).then().statusCode(200);
    }

    public static JsonPath stats(String unitId) {
        return given().get("/api/v1/org-units/" + unitId + "/stats").then().statusCode(200).extract().jsonPath();
    }

    /** Registers a member; FULL and PROBATIONARY members get an admission date long enough ago. */
    public static String member(String unitId, String name, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("unitId", unitId);
        body.put("name", name);
        body.put("gender", "FEMALE");
        body.put("birthDate", "1980-05-01");
        body.put("status", status);
        if (status.equals("FULL") || status.equals("PROBATIONARY")) {
            body.put("admittedOn", status.equals("FULL") ? "2010-07-01" : java.time.LocalDate.now().minusMonths(2).toString());
            body.put("statusOn", status.equals("FULL") ? "2011-07-01" : java.time.LocalDate.now().minusMonths(2).toString());
        }
        return given().contentType("application/json").body(body).post("/api/v1/members")
                .then().statusCode(201).extract().path("id");
    }

    /** Appoints a member to a post on a unit from a year ago; answers the post id. */
    public static String post(String unitId, String role, String memberId) {
        return given().contentType("application/json")
                .body(Map.of("unitId", unitId, "role", role, "memberId", memberId, "startsOn", java.time.LocalDate.now().minusYears(1).toString()))
                .post("/api/v1/members/posts").then().statusCode(201).extract().path("id");
    }

    public static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }
}
