package org.community.volunteer.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.community.volunteer.FakeOrgService;
import org.community.volunteer.Fixtures;
import org.community.conventions.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Roles × (inside / outside scope) × representative reads and writes. Two communities in different districts:
 * A (district D1 → street S1 → community A → grid A) and B (district D2 → street S2 → community B), each with a
 * volunteer, a team, an activity with a sign-up, a demand, a partner and a project. Every role is scoped to A's side
 * of the tree (CITY_ADMIN to the city, DISTRICT_ADMIN to D1, STREET_ADMIN to S1, COMMUNITY_SECRETARY and TEAM_LEADER
 * to A, GRID_WORKER to A's grid); VOLUNTEER and RESIDENT have no org units.
 */
@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
class AuthorizationMatrixTest {

    static final List<String> ROLES = List.of("CITY_ADMIN", "DISTRICT_ADMIN", "STREET_ADMIN", "COMMUNITY_SECRETARY", "GRID_WORKER",
            "TEAM_LEADER", "VOLUNTEER", "RESIDENT");

    /**
     * The matrix: operation, target community, then the expected status for each role in {@link #ROLES} order:
     * CITY, DISTRICT, STREET, SECRETARY, GRID, LEADER, VOLUNTEER, RESIDENT.
     */
    static final Object[][] MATRIX = {
            //  operation                  target  CITY DIST STRT SECR GRID LEAD VOL  RES
            { "GET volunteer",               "A", 200, 200, 200, 200, 200, 200, 404, 404 },
            { "GET volunteer",               "B", 200, 404, 404, 404, 404, 404, 404, 404 },
            { "PUT volunteer",               "A", 200, 200, 200, 200, 403, 403, 403, 403 },
            { "PUT volunteer",               "B", 200, 403, 403, 403, 403, 403, 403, 403 },
            { "POST verification",           "A", 200, 200, 200, 200, 403, 403, 403, 403 },
            { "POST verification",           "B", 200, 403, 403, 403, 403, 403, 403, 403 },
            { "GET team (public)",           "A", 200, 200, 200, 200, 200, 200, 200, 200 },
            { "GET team (public)",           "B", 200, 200, 200, 200, 200, 200, 200, 200 },
            { "GET team members",            "A", 200, 200, 200, 200, 200, 200, 403, 403 },
            { "GET team members",            "B", 200, 403, 403, 403, 403, 403, 403, 403 },
            { "PUT team",                    "A", 200, 200, 200, 200, 403, 200, 403, 403 },
            { "PUT team",                    "B", 200, 403, 403, 403, 403, 403, 403, 403 },
            { "GET activity (public)",       "A", 200, 200, 200, 200, 200, 200, 200, 200 },
            { "GET activity (public)",       "B", 200, 200, 200, 200, 200, 200, 200, 200 },
            { "GET activity sign-ups",       "A", 200, 200, 200, 200, 200, 200, 403, 403 },
            { "GET activity sign-ups",       "B", 200, 403, 403, 403, 403, 403, 403, 403 },
            { "GET check-in code",           "A", 200, 200, 200, 200, 403, 200, 403, 403 },
            { "GET check-in code",           "B", 200, 403, 403, 403, 403, 403, 403, 403 },
            { "POST activity",               "A", 201, 201, 201, 201, 403, 201, 403, 403 },
            { "POST activity",               "B", 201, 403, 403, 403, 403, 403, 403, 403 },
            { "POST sign-up of another",     "A", 201, 201, 201, 201, 403, 201, 403, 403 },
            { "POST sign-up of another",     "B", 201, 403, 403, 403, 403, 403, 403, 403 },
            { "GET demand",                  "A", 200, 200, 200, 200, 200, 200, 404, 404 },
            { "GET demand",                  "B", 200, 404, 404, 404, 404, 404, 404, 404 },
            // residents (and leaders or volunteers as residents) submit their own demands wherever they live
            { "POST demand",                 "A", 201, 201, 201, 201, 201, 201, 201, 201 },
            { "POST demand",                 "B", 201, 403, 403, 403, 403, 201, 201, 201 },
            { "GET partner",                 "A", 200, 200, 200, 200, 200, 200, 404, 404 },
            { "GET partner",                 "B", 200, 404, 404, 404, 404, 404, 404, 404 },
            { "POST partner",                "A", 201, 201, 201, 201, 403, 403, 403, 403 },
            { "POST partner",                "B", 201, 403, 403, 403, 403, 403, 403, 403 },
            { "GET project (public)",        "A", 200, 200, 200, 200, 200, 200, 200, 200 },
            { "GET project (public)",        "B", 200, 200, 200, 200, 200, 200, 200, 200 },
            { "POST project",                "A", 201, 201, 201, 201, 403, 403, 403, 403 },
            { "POST project",                "B", 201, 403, 403, 403, 403, 403, 403, 403 },
            // stats of A's grid (the grid worker's whole scope); community A itself lies above the grid worker's scope
            { "GET stats",                   "A", 200, 200, 200, 200, 200, 200, 403, 403 },
            { "GET stats",                   "B", 200, 403, 403, 403, 403, 403, 403, 403 },
            { "GET audit within",            "A", 200, 200, 200, 200, 403, 403, 403, 403 },
            { "GET audit within",            "B", 200, 403, 403, 403, 403, 403, 403, 403 },
    };

    record Side(UUID community, UUID unit, String volunteer, String team, String activity, String demand, String partner, String project) {
    }

    static Side a;
    static Side b;
    static UUID district1;
    static UUID street1;
    static UUID gridA;

    @BeforeEach
    void data() {
        Tokens.useCityAdminByDefault();
        if (a != null) {
            return;
        }
        district1 = FakeOrgService.newUnit("矩阵一区", "DISTRICT", FakeOrgService.CITY);
        street1 = FakeOrgService.newUnit("矩阵一街道", "STREET", district1);
        UUID communityA = FakeOrgService.newUnit("矩阵甲社区", "COMMUNITY", street1);
        gridA = FakeOrgService.newUnit("矩阵甲网格", "GRID", communityA);
        UUID district2 = FakeOrgService.newUnit("矩阵二区", "DISTRICT", FakeOrgService.CITY);
        UUID street2 = FakeOrgService.newUnit("矩阵二街道", "STREET", district2);
        UUID communityB = FakeOrgService.newUnit("矩阵乙社区", "COMMUNITY", street2);
        a = side(communityA, gridA, "甲");
        b = side(communityB, communityB, "乙");
    }

    private static Side side(UUID community, UUID unit, String tag) {
        String volunteer = Fixtures.volunteer("矩阵志愿者" + tag, unit, "ELDER_CARE");
        String team = Fixtures.team("矩阵服务队" + tag, unit, volunteer, "ELDER_CARE");
        var start = Fixtures.now().plusDays(3);
        String activity = Fixtures.activity(team, "矩阵活动" + tag, start, start.plusHours(2), 10, null);
        Fixtures.signUp(activity, volunteer).then().statusCode(201);
        String demand = Fixtures.post("/api/v1/demands", demandJson(unit)).then().statusCode(201).extract().path("id");
        String partner = Fixtures.post("/api/v1/partners", partnerJson(unit)).then().statusCode(201).extract().path("id");
        String project = Fixtures.post("/api/v1/projects", projectJson(team)).then().statusCode(201).extract().path("id");
        return new Side(community, unit, volunteer, team, activity, demand, partner, project);
    }

    static Stream<Arguments> cells() {
        return Stream.of(MATRIX).flatMap(row -> java.util.stream.IntStream.range(0, ROLES.size())
                .mapToObj(i -> Arguments.of(ROLES.get(i), row[0], row[1], row[2 + i])));
    }

    @ParameterizedTest(name = "{0} {1} in {2} → {3}")
    @MethodSource("cells")
    void matrix(String role, String operation, String target, int expected) {
        Side side = "A".equals(target) ? a : b;
        Response response = call(as(role), operation, side);
        assertEquals(expected, response.statusCode(), role + " " + operation + " " + target + ": " + response.asString());
        if (expected >= 400) {
            response.then().contentType("application/problem+json").body("status", equalTo(expected));
        }
    }

    /** A single resource outside the scope answers exactly like an unknown id: no existence leak. */
    @Test
    void outsideScopeLooksLikeAnUnknownId() {
        RequestSpecification secretary = as("COMMUNITY_SECRETARY");
        Response outside = secretary.get("/api/v1/volunteers/" + b.volunteer());
        Response unknown = as("COMMUNITY_SECRETARY").get("/api/v1/volunteers/" + UUID.randomUUID());
        assertEquals(404, outside.statusCode());
        assertEquals(unknown.jsonPath().getString("type"), outside.jsonPath().getString("type"));
        assertEquals(unknown.jsonPath().getString("title"), outside.jsonPath().getString("title"));
    }

    @Test
    void listsShowOnlyTheCallersScope() {
        for (String role : List.of("DISTRICT_ADMIN", "STREET_ADMIN", "COMMUNITY_SECRETARY", "GRID_WORKER", "TEAM_LEADER")) {
            as(role).queryParam("size", 200).get("/api/v1/volunteers").then().statusCode(200)
                    .body("items.id", hasItem(a.volunteer())).body("items.id", not(hasItem(b.volunteer())));
            as(role).queryParam("size", 200).get("/api/v1/demands").then().statusCode(200)
                    .body("items.id", hasItem(a.demand())).body("items.id", not(hasItem(b.demand())));
            as(role).queryParam("size", 200).get("/api/v1/partners").then().statusCode(200)
                    .body("items.id", hasItem(a.partner())).body("items.id", not(hasItem(b.partner())));
            as(role).queryParam("size", 200).get("/api/v1/service-records").then().statusCode(200);
            // a filter on a unit outside the scope is 403
            as(role).queryParam("orgUnitId", b.community()).get("/api/v1/volunteers").then().statusCode(403);
        }
        // volunteers and residents: their own records only, public lists in full
        for (String role : List.of("VOLUNTEER", "RESIDENT")) {
            as(role).queryParam("size", 200).get("/api/v1/volunteers").then().statusCode(200)
                    .body("items.id", not(hasItem(a.volunteer()))).body("items.id", not(hasItem(b.volunteer())));
            as(role).queryParam("size", 200).get("/api/v1/demands").then().statusCode(200)
                    .body("items.id", not(hasItem(a.demand())));
            as(role).queryParam("teamId", b.team()).get("/api/v1/activities").then().statusCode(200).body("items.id", hasItem(b.activity()));
            as(role).queryParam("size", 200).queryParam("orgUnitId", b.community()).get("/api/v1/teams").then().statusCode(200)
                    .body("items.id", hasItem(b.team()));
        }
        // CITY_ADMIN sees both
        as("CITY_ADMIN").queryParam("size", 200).queryParam("q", "矩阵志愿者").get("/api/v1/volunteers").then().statusCode(200)
                .body("items.id", hasItem(a.volunteer())).body("items.id", hasItem(b.volunteer()));
    }

    @Test
    void personalDataIsMaskedByRole() {
        Map<String, Object> full = given().get("/api/v1/volunteers/" + a.volunteer()).then().statusCode(200).extract().jsonPath().getMap("$");
        String phone = (String) full.get("phone");
        String idNumber = (String) full.get("idNumber");
        String maskedPhone = phone.substring(0, 3) + "****" + phone.substring(7);
        String maskedId = idNumber.substring(0, 3) + "***********" + idNumber.substring(14);
        for (String role : List.of("DISTRICT_ADMIN", "STREET_ADMIN", "COMMUNITY_SECRETARY")) {
            as(role).get("/api/v1/volunteers/" + a.volunteer()).then().body("phone", equalTo(phone)).body("idNumber", equalTo(idNumber));
        }
        for (String role : List.of("GRID_WORKER", "TEAM_LEADER")) {
            as(role).get("/api/v1/volunteers/" + a.volunteer()).then().body("phone", equalTo(phone)).body("idNumber", equalTo(maskedId));
        }
        // team members: phones for the readers of the team's scope
        as("GRID_WORKER").get("/api/v1/teams/" + a.team() + "/members").then().statusCode(200).body("items[0].phone", equalTo(phone));
        // everybody else never gets the record at all, masked or not
        as("VOLUNTEER").get("/api/v1/volunteers/" + a.volunteer()).then().statusCode(404).body("phone", equalTo(null));
        // a demand's requester: phone in full for readers of its scope
        as("TEAM_LEADER").get("/api/v1/demands/" + a.demand()).then().statusCode(200).body("requesterPhone", equalTo("13700002222"));
        // a partner's contact phone stays masked (a business contact shown on lists)
        as("COMMUNITY_SECRETARY").get("/api/v1/partners/" + a.partner()).then().statusCode(200).body("contactPhone", equalTo("136****3333"));
        assertEquals(maskedPhone, Disclosure.MASKED.phone(phone));
    }

    /** A volunteer registers themself, sees their own profile unmasked, signs up, checks in with the code, reads their records. */
    @Test
    void ownRecordsByTokenSubject() {
        String account = "vol-" + UUID.randomUUID();
        RequestSpecification me = given().auth().oauth2(Tokens.token(account, "VOLUNTEER"));
        me.get("/api/v1/volunteers/me").then().statusCode(404).contentType("application/problem+json");
        String phone = Fixtures.phone();
        String idNumber = Fixtures.idNumber();
        String id = given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).contentType(ContentType.JSON)
                .body("{\"name\":\"自助注册\",\"phone\":\"" + phone + "\",\"idNumber\":\"" + idNumber + "\",\"skills\":[\"ELDER_CARE\"],"
                        + "\"orgUnitId\":\"" + gridA + "\"}")
                .post("/api/v1/volunteers").then().statusCode(201).body("phone", equalTo(phone)).body("idNumber", equalTo(idNumber))
                .extract().path("id");
        // one profile per account; another account is not the caller's to claim
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).contentType(ContentType.JSON)
                .body("{\"name\":\"第二份\",\"phone\":\"" + Fixtures.phone() + "\"}").post("/api/v1/volunteers").then().statusCode(409);
        given().auth().oauth2(Tokens.token("someone", "RESIDENT")).contentType(ContentType.JSON)
                .body("{\"name\":\"冒名\",\"phone\":\"" + Fixtures.phone() + "\",\"account\":\"" + account + "\"}").post("/api/v1/volunteers")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).get("/api/v1/volunteers/me").then().statusCode(200)
                .body("id", equalTo(id)).body("phone", equalTo(phone));
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).get("/api/v1/volunteers/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).queryParam("size", 200).get("/api/v1/volunteers").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));

        // sign up themself (201), not someone else (403); cancel their own
        var start = Fixtures.now().minusMinutes(5);
        String activity = Fixtures.activity(a.team(), "自助签到活动", start, start.plusHours(1), 5,
                "\"signupClosesAt\":\"" + start.plusHours(1) + "\"");
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).contentType(ContentType.JSON).body("{\"volunteerId\":\"" + a.volunteer() + "\"}")
                .post("/api/v1/activities/" + activity + "/signups").then().statusCode(403);
        String signup = given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).contentType(ContentType.JSON)
                .body("{\"volunteerId\":\"" + id + "\"}").post("/api/v1/activities/" + activity + "/signups").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).get("/api/v1/activities/" + activity + "/signups/" + signup).then()
                .statusCode(200);
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).get("/api/v1/activities/" + activity + "/check-in-code").then()
                .statusCode(403);
        // check in with the code shown at the activity; not for someone else
        String code = Fixtures.code(activity);
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).contentType(ContentType.JSON)
                .body("{\"volunteerId\":\"" + a.volunteer() + "\",\"code\":\"" + code + "\"}").post("/api/v1/activities/" + activity + "/check-ins")
                .then().statusCode(403);
        String record = given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).contentType(ContentType.JSON)
                .body("{\"volunteerId\":\"" + id + "\",\"code\":\"" + code + "\"}").post("/api/v1/activities/" + activity + "/check-ins")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).get("/api/v1/service-records/" + record).then().statusCode(200);
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).queryParam("size", 200).get("/api/v1/service-records").then()
                .statusCode(200).body("items.volunteerId", everyItem(equalTo(id))).body("items.id", hasItem(record));
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).get("/api/v1/volunteers/" + id + "/hours").then().statusCode(200);
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).get("/api/v1/volunteers/" + id + "/signups").then().statusCode(200)
                .body("items.id", hasItem(signup));
        // the volunteer does not review their own record
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).contentType(ContentType.JSON)
                .body("{\"leaderId\":\"" + a.volunteer() + "\"}").post("/api/v1/service-records/" + record + "/verify").then().statusCode(403);

        // a resident submits a demand and reads it; a neighbour does not
        String resident = "res-" + UUID.randomUUID();
        String demand = given().auth().oauth2(Tokens.token(resident, "RESIDENT")).contentType(ContentType.JSON).body(demandJson(b.unit()))
                .post("/api/v1/demands").then().statusCode(201).body("requesterPhone", equalTo("13700002222")).extract().path("id");
        given().auth().oauth2(Tokens.token(resident, "RESIDENT")).get("/api/v1/demands/" + demand).then().statusCode(200);
        given().auth().oauth2(Tokens.token(resident, "RESIDENT")).get("/api/v1/demands").then().statusCode(200)
                .body("items.id", equalTo(List.of(demand)));
        given().auth().oauth2(Tokens.token("neighbour", "RESIDENT")).get("/api/v1/demands/" + demand).then().statusCode(404);
    }

    @Test
    void everyWriteIsAuditedWithActorAndRequestIdReadableByAdminsOfTheScope() {
        String requestId = "matrix-" + UUID.randomUUID();
        String etag = given().get("/api/v1/teams/" + a.team()).then().extract().header("ETag");
        as("TEAM_LEADER").header("X-Request-Id", requestId).header("If-Match", etag).contentType(ContentType.JSON)
                .body(teamJson("矩阵服务队甲", a.unit(), a.volunteer())).put("/api/v1/teams/" + a.team()).then().statusCode(200);
        as("COMMUNITY_SECRETARY").queryParam("resourceId", a.team()).queryParam("within", a.community()).get("/api/v1/volunteer-audit")
                .then().statusCode(200).body("items[0].action", equalTo("team.update")).body("items[0].actor", equalTo("TEAM_LEADER-user"))
                .body("items[0].actorName", equalTo("测试 TEAM_LEADER-user")).body("items[0].requestId", equalTo(requestId))
                .body("items[0].roles", equalTo(List.of("TEAM_LEADER"))).body("items[0].summary.name", equalTo("矩阵服务队甲"));
        // a failed write leaves no entry
        as("TEAM_LEADER").header("X-Request-Id", requestId + "-failed").header("If-Match", "\"999\"").contentType(ContentType.JSON)
                .body(teamJson("矩阵服务队甲", a.unit(), a.volunteer())).put("/api/v1/teams/" + a.team()).then().statusCode(412);
        as("COMMUNITY_SECRETARY").queryParam("size", 200).queryParam("resourceId", a.team()).get("/api/v1/volunteer-audit").then()
                .statusCode(200).body("items.requestId", not(hasItem(requestId + "-failed")));
        // admins of A do not see B's changes; CITY_ADMIN does
        as("COMMUNITY_SECRETARY").queryParam("size", 200).queryParam("resourceId", b.team()).get("/api/v1/volunteer-audit").then()
                .statusCode(200).body("total", equalTo(0));
        as("CITY_ADMIN").queryParam("resourceId", b.team()).get("/api/v1/volunteer-audit").then().statusCode(200)
                .body("items.action", hasItem("team.create"));
        // ID numbers never appear in full in summaries
        String body = as("CITY_ADMIN").queryParam("size", 100).get("/api/v1/volunteer-audit").asString();
        String idNumber = given().get("/api/v1/volunteers/" + a.volunteer()).then().extract().path("idNumber");
        assertEquals(false, body.contains(idNumber));
    }

    // ---- requests ----

    static RequestSpecification as(String role) {
        UUID unit = switch (role) {
            case "CITY_ADMIN" -> FakeOrgService.CITY;
            case "DISTRICT_ADMIN" -> district1;
            case "STREET_ADMIN" -> street1;
            case "COMMUNITY_SECRETARY", "TEAM_LEADER" -> a.community();
            case "GRID_WORKER" -> gridA;
            default -> null;
        };
        String token = unit == null ? Tokens.token(role + "-user", role) : Tokens.token(role + "-user", role, unit);
        return given().auth().oauth2(token).header("Accept-Language", "en");
    }

    private static Response call(RequestSpecification as, String operation, Side side) {
        return switch (operation) {
            case "GET volunteer" -> as.get("/api/v1/volunteers/" + side.volunteer());
            case "PUT volunteer" -> {
                Map<String, Object> current = given().get("/api/v1/volunteers/" + side.volunteer()).then().extract().jsonPath().getMap("$");
                String etag = given().get("/api/v1/volunteers/" + side.volunteer()).then().extract().header("ETag");
                yield as.header("If-Match", etag).contentType(ContentType.JSON).body("{\"name\":\"" + current.get("name") + "\",\"phone\":\""
                        + current.get("phone") + "\",\"idNumber\":\"" + current.get("idNumber") + "\",\"skills\":[\"ELDER_CARE\"],\"orgUnitId\":\""
                        + side.unit() + "\"}").put("/api/v1/volunteers/" + side.volunteer());
            }
            case "POST verification" -> as.contentType(ContentType.JSON).body("{\"status\":\"VERIFIED\",\"note\":\"矩阵\"}")
                    .post("/api/v1/volunteers/" + side.volunteer() + "/verification");
            case "GET team (public)" -> as.get("/api/v1/teams/" + side.team());
            case "GET team members" -> as.get("/api/v1/teams/" + side.team() + "/members");
            case "PUT team" -> {
                String etag = given().get("/api/v1/teams/" + side.team()).then().extract().header("ETag");
                yield as.header("If-Match", etag).contentType(ContentType.JSON).body(teamJson(side == a ? "矩阵服务队甲" : "矩阵服务队乙",
                        side.unit(), side.volunteer())).put("/api/v1/teams/" + side.team());
            }
            case "GET activity (public)" -> as.get("/api/v1/activities/" + side.activity());
            case "GET activity sign-ups" -> as.get("/api/v1/activities/" + side.activity() + "/signups");
            case "GET check-in code" -> as.get("/api/v1/activities/" + side.activity() + "/check-in-code");
            case "POST activity" -> {
                var start = Fixtures.now().plusDays(10);
                yield as.contentType(ContentType.JSON).body("{\"teamId\":\"" + side.team() + "\",\"title\":\"矩阵新活动\",\"category\":\"ELDER_CARE\","
                        + "\"place\":\"活动室\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(1) + "\",\"capacity\":5}")
                        .post("/api/v1/activities");
            }
            case "POST sign-up of another" -> {
                String someone = Fixtures.volunteer("矩阵报名者", side.unit(), "ELDER_CARE");
                yield as.contentType(ContentType.JSON).body("{\"volunteerId\":\"" + someone + "\"}")
                        .post("/api/v1/activities/" + side.activity() + "/signups");
            }
            case "GET demand" -> as.get("/api/v1/demands/" + side.demand());
            case "POST demand" -> as.contentType(ContentType.JSON).body(demandJson(side.unit())).post("/api/v1/demands");
            case "GET partner" -> as.get("/api/v1/partners/" + side.partner());
            case "POST partner" -> as.contentType(ContentType.JSON).body(partnerJson(side.unit())).post("/api/v1/partners");
            case "GET project (public)" -> as.get("/api/v1/projects/" + side.project());
            case "POST project" -> as.contentType(ContentType.JSON).body(projectJson(side.team())).post("/api/v1/projects");
            case "GET stats" -> as.queryParam("orgUnitId", side.unit()).get("/api/v1/teams/stats");
            case "GET audit within" -> as.queryParam("within", side.community()).get("/api/v1/volunteer-audit");
            default -> throw new IllegalArgumentException(operation);
        };
    }

    static String demandJson(UUID unit) {
        return "{\"title\":\"楼道灯不亮\",\"category\":\"FACILITIES\",\"urgency\":\"NORMAL\",\"place\":\"3 栋\",\"requesterName\":\"王阿姨\","
                + "\"requesterPhone\":\"13700002222\",\"orgUnitId\":\"" + unit + "\"}";
    }

    static String partnerJson(UUID unit) {
        return "{\"name\":\"矩阵共建单位\",\"kind\":\"CO_BUILDING_UNIT\",\"orgUnitId\":\"" + unit + "\",\"contactName\":\"赵经理\","
                + "\"contactPhone\":\"13600003333\"}";
    }

    static String projectJson(String team) {
        return "{\"name\":\"矩阵书记项目\",\"kind\":\"SECRETARY_PROJECT\",\"teamId\":\"" + team + "\"}";
    }

    static String teamJson(String name, UUID unit, String leader) {
        return "{\"name\":\"" + name + "\",\"orgUnitId\":\"" + unit + "\",\"category\":\"ELDER_CARE\",\"leaderId\":\"" + leader + "\"}";
    }
}
