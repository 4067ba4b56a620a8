package org.community.org.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.community.org.support.Api;
import org.community.conventions.testing.DefaultToken;
import org.community.conventions.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Roles × (inside / outside scope) × representative endpoints. Two communities, A and B, in different districts, each
 * with a grid, a branch compound, a building group, a household and a member. Every role is scoped inside A:
 *
 * <pre>
 * CITY_ADMIN          no units (the whole city)     DISTRICT_ADMIN  A's district    STREET_ADMIN  A's street
 * COMMUNITY_SECRETARY A                             GRID_WORKER     A's grid        TEAM_LEADER   A
 * VOLUNTEER           A                             RESIDENT        no units
 * </pre>
 */
@QuarkusTest
class AuthorizationMatrixTest {

    record Community(String district, String street, String community, String grid, String compound, String building, String household,
            String member) {
    }

    private static Community a;
    private static Community b;

    @BeforeEach
    void tree() {
        if (a == null) {
            String city = Api.unit(Api.unique("sec-city"), "安全测试市", "CITY", "COMMITTEE", null);
            Community first = community(city, "A");
            b = community(city, "B");
            for (Community c : List.of(first, b)) {
                given().contentType("application/json").body(Map.of("memberId", c.member(), "year", java.time.LocalDate.now(org.community.conventions.http.Times.ZONE).getYear(),
                        "category", "SALARIED", "income", "4500.00")).post("/api/v1/dues/bases").then().statusCode(201);
            }
            a = first;
        }
    }

    private static Community community(String city, String name) {
        String district = Api.unit(Api.unique("sec-d" + name), name + "区", "DISTRICT", "COMMITTEE", city);
        String street = Api.unit(Api.unique("sec-s" + name), name + "街道", "STREET", "COMMITTEE", district);
        String community = Api.unit(Api.unique("sec-c" + name), name + "社区", "COMMUNITY", "COMMITTEE", street);
        String grid = Api.unit(Api.unique("sec-g" + name), name + "网格", "GRID", null, community);
        String compound = Api.unit(Api.unique("sec-p" + name), name + "小区支部", "COMPOUND", "BRANCH", grid);
        String building = Api.unit(Api.unique("sec-b" + name), name + "1栋", "BUILDING", "GROUP", compound);
        String household = Api.household(building, "1", "101", 3);
        String member = memberWithId(building, name + "党员", idNumber());
        return new Community(district, street, community, grid, compound, building, household, member);
    }

    private static String memberWithId(String unitId, String name, String idNumber) {
        Map<String, Object> body = Map.of("unitId", unitId, "name", name, "gender", "MALE", "birthDate", "1985-04-12",
                "phone", "13912345678", "idNumber", idNumber, "status", "FULL", "statusOn", "2012-07-01", "admittedOn", "2011-07-01");
        return given().contentType("application/json").body(body).post("/api/v1/members").then().statusCode(201).extract().path("id");
    }

    /** A fresh valid resident ID number (GB 11643 check character): tests share one database. */
    static String idNumber() {
        String base = String.format("110105%s%03d", java.time.LocalDate.of(1950, 1, 1)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(20000)).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * weights[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }

    private static final Map<String, String> PROGRAMS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A training program of the community, created once as CITY_ADMIN. */
    private static String program(Community c) {
        return PROGRAMS.computeIfAbsent(c.community(), unit -> given().contentType("application/json").body(Map.of("unitId", unit,
                "name", "2025 冬训春训", "startsOn", "2025-11-01", "endsOn", "2026-04-30", "requiredCredits", 4))
                .post("/api/v1/education/programs").then().statusCode(201).extract().path("id"));
    }

    /** A token of this role scoped as the class comment says. */
    static String token(String role) {
        return switch (role) {
            case "CITY_ADMIN", "RESIDENT" -> Tokens.of(role.toLowerCase(), role);
            case "DISTRICT_ADMIN" -> Tokens.of("district-admin", role, a.district());
            case "STREET_ADMIN" -> Tokens.of("street-admin", role, a.street());
            case "GRID_WORKER" -> Tokens.of("grid-worker", role, a.grid());
            default -> Tokens.of(role.toLowerCase(), role, a.community());
        };
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(token(role)).contentType("application/json");
    }

    @ParameterizedTest(name = "{0} {1} on {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # role              | operation        | target | expected
            CITY_ADMIN          | unit.get         | A      | 200
            CITY_ADMIN          | unit.get         | B      | 200
            CITY_ADMIN          | unit.ancestors   | B      | 200
            CITY_ADMIN          | unit.stats       | A      | 200
            CITY_ADMIN          | unit.stats       | B      | 200
            CITY_ADMIN          | household.list   | A      | 200
            CITY_ADMIN          | household.list   | B      | 200
            CITY_ADMIN          | household.get    | A      | 200
            CITY_ADMIN          | household.get    | B      | 200
            CITY_ADMIN          | member.get       | A      | 200
            CITY_ADMIN          | member.get       | B      | 200
            CITY_ADMIN          | household.create | A      | 201
            CITY_ADMIN          | household.create | B      | 201
            CITY_ADMIN          | unit.create      | A      | 201
            CITY_ADMIN          | unit.create      | B      | 201
            CITY_ADMIN          | member.create    | A      | 201
            CITY_ADMIN          | member.create    | B      | 201
            CITY_ADMIN          | audit.list       | A      | 200
            CITY_ADMIN          | audit.list       | B      | 200
            CITY_ADMIN          | dues.member      | A      | 200
            CITY_ADMIN          | dues.member      | B      | 200
            CITY_ADMIN          | dues.collection  | A      | 200
            CITY_ADMIN          | dues.collection  | B      | 200
            CITY_ADMIN          | dues.pay         | A      | 201
            CITY_ADMIN          | dues.pay         | B      | 201

            DISTRICT_ADMIN      | unit.get         | A      | 200
            DISTRICT_ADMIN      | unit.get         | B      | 200
            DISTRICT_ADMIN      | unit.ancestors   | B      | 200
            DISTRICT_ADMIN      | unit.stats       | A      | 200
            DISTRICT_ADMIN      | unit.stats       | B      | 403
            DISTRICT_ADMIN      | household.list   | A      | 200
            DISTRICT_ADMIN      | household.list   | B      | 403
            DISTRICT_ADMIN      | household.get    | A      | 200
            DISTRICT_ADMIN      | household.get    | B      | 404
            DISTRICT_ADMIN      | member.get       | A      | 200
            DISTRICT_ADMIN      | member.get       | B      | 404
            DISTRICT_ADMIN      | household.create | A      | 201
            DISTRICT_ADMIN      | household.create | B      | 403
            DISTRICT_ADMIN      | unit.create      | A      | 201
            DISTRICT_ADMIN      | unit.create      | B      | 403
            DISTRICT_ADMIN      | member.create    | A      | 201
            DISTRICT_ADMIN      | member.create    | B      | 403
            DISTRICT_ADMIN      | audit.list       | A      | 200
            DISTRICT_ADMIN      | audit.list       | B      | 403
            DISTRICT_ADMIN      | dues.member      | A      | 200
            DISTRICT_ADMIN      | dues.member      | B      | 404
            DISTRICT_ADMIN      | dues.collection  | A      | 200
            DISTRICT_ADMIN      | dues.collection  | B      | 403
            DISTRICT_ADMIN      | dues.pay         | A      | 201
            DISTRICT_ADMIN      | dues.pay         | B      | 422

            STREET_ADMIN        | unit.get         | A      | 200
            STREET_ADMIN        | unit.get         | B      | 200
            STREET_ADMIN        | unit.ancestors   | B      | 200
            STREET_ADMIN        | unit.stats       | A      | 200
            STREET_ADMIN        | unit.stats       | B      | 403
            STREET_ADMIN        | household.list   | A      | 200
            STREET_ADMIN        | household.list   | B      | 403
            STREET_ADMIN        | household.get    | A      | 200
            STREET_ADMIN        | household.get    | B      | 404
            STREET_ADMIN        | member.get       | A      | 200
            STREET_ADMIN        | member.get       | B      | 404
            STREET_ADMIN        | household.create | A      | 201
            STREET_ADMIN        | household.create | B      | 403
            STREET_ADMIN        | unit.create      | A      | 201
            STREET_ADMIN        | unit.create      | B      | 403
            STREET_ADMIN        | member.create    | A      | 201
            STREET_ADMIN        | member.create    | B      | 403
            STREET_ADMIN        | audit.list       | A      | 200
            STREET_ADMIN        | audit.list       | B      | 403
            STREET_ADMIN        | dues.member      | A      | 200
            STREET_ADMIN        | dues.member      | B      | 404
            STREET_ADMIN        | dues.collection  | A      | 200
            STREET_ADMIN        | dues.collection  | B      | 403
            STREET_ADMIN        | dues.pay         | A      | 201
            STREET_ADMIN        | dues.pay         | B      | 422

            COMMUNITY_SECRETARY | unit.get         | A      | 200
            COMMUNITY_SECRETARY | unit.get         | B      | 200
            COMMUNITY_SECRETARY | unit.ancestors   | B      | 200
            COMMUNITY_SECRETARY | unit.stats       | A      | 200
            COMMUNITY_SECRETARY | unit.stats       | B      | 403
            COMMUNITY_SECRETARY | household.list   | A      | 200
            COMMUNITY_SECRETARY | household.list   | B      | 403
            COMMUNITY_SECRETARY | household.get    | A      | 200
            COMMUNITY_SECRETARY | household.get    | B      | 404
            COMMUNITY_SECRETARY | member.get       | A      | 200
            COMMUNITY_SECRETARY | member.get       | B      | 404
            COMMUNITY_SECRETARY | household.create | A      | 201
            COMMUNITY_SECRETARY | household.create | B      | 403
            COMMUNITY_SECRETARY | unit.create      | A      | 201
            COMMUNITY_SECRETARY | unit.create      | B      | 403
            COMMUNITY_SECRETARY | member.create    | A      | 201
            COMMUNITY_SECRETARY | member.create    | B      | 403
            COMMUNITY_SECRETARY | audit.list       | A      | 200
            COMMUNITY_SECRETARY | audit.list       | B      | 403
            COMMUNITY_SECRETARY | dues.member      | A      | 200
            COMMUNITY_SECRETARY | dues.member      | B      | 404
            COMMUNITY_SECRETARY | dues.collection  | A      | 200
            COMMUNITY_SECRETARY | dues.collection  | B      | 403
            COMMUNITY_SECRETARY | dues.pay         | A      | 201
            COMMUNITY_SECRETARY | dues.pay         | B      | 422

            GRID_WORKER         | unit.get         | A      | 200
            GRID_WORKER         | unit.get         | B      | 200
            GRID_WORKER         | unit.ancestors   | B      | 200
            GRID_WORKER         | unit.stats       | A      | 200
            GRID_WORKER         | unit.stats       | B      | 403
            GRID_WORKER         | household.list   | A      | 200
            GRID_WORKER         | household.list   | B      | 403
            GRID_WORKER         | household.get    | A      | 200
            GRID_WORKER         | household.get    | B      | 404
            GRID_WORKER         | member.get       | A      | 200
            GRID_WORKER         | member.get       | B      | 404
            GRID_WORKER         | household.create | A      | 201
            GRID_WORKER         | household.create | B      | 403
            GRID_WORKER         | unit.create      | A      | 403
            GRID_WORKER         | unit.create      | B      | 403
            GRID_WORKER         | member.create    | A      | 403
            GRID_WORKER         | member.create    | B      | 403
            GRID_WORKER         | audit.list       | A      | 403
            GRID_WORKER         | audit.list       | B      | 403
            GRID_WORKER         | dues.member      | A      | 200
            GRID_WORKER         | dues.member      | B      | 404
            GRID_WORKER         | dues.collection  | A      | 200
            GRID_WORKER         | dues.collection  | B      | 403
            GRID_WORKER         | dues.pay         | A      | 403
            GRID_WORKER         | dues.pay         | B      | 403

            TEAM_LEADER         | unit.get         | A      | 200
            TEAM_LEADER         | unit.get         | B      | 200
            TEAM_LEADER         | unit.ancestors   | B      | 200
            TEAM_LEADER         | unit.stats       | A      | 200
            TEAM_LEADER         | unit.stats       | B      | 403
            TEAM_LEADER         | household.list   | A      | 403
            TEAM_LEADER         | household.list   | B      | 403
            TEAM_LEADER         | household.get    | A      | 403
            TEAM_LEADER         | household.get    | B      | 403
            TEAM_LEADER         | member.get       | A      | 403
            TEAM_LEADER         | member.get       | B      | 403
            TEAM_LEADER         | household.create | A      | 403
            TEAM_LEADER         | household.create | B      | 403
            TEAM_LEADER         | unit.create      | A      | 403
            TEAM_LEADER         | unit.create      | B      | 403
            TEAM_LEADER         | member.create    | A      | 403
            TEAM_LEADER         | member.create    | B      | 403
            TEAM_LEADER         | audit.list       | A      | 403
            TEAM_LEADER         | audit.list       | B      | 403
            TEAM_LEADER         | dues.member      | A      | 403
            TEAM_LEADER         | dues.member      | B      | 403
            TEAM_LEADER         | dues.collection  | A      | 403
            TEAM_LEADER         | dues.collection  | B      | 403
            TEAM_LEADER         | dues.pay         | A      | 403
            TEAM_LEADER         | dues.pay         | B      | 403

            VOLUNTEER           | unit.get         | A      | 200
            VOLUNTEER           | unit.get         | B      | 200
            VOLUNTEER           | unit.ancestors   | B      | 200
            VOLUNTEER           | unit.stats       | A      | 403
            VOLUNTEER           | unit.stats       | B      | 403
            VOLUNTEER           | household.list   | A      | 403
            VOLUNTEER           | household.list   | B      | 403
            VOLUNTEER           | household.get    | A      | 403
            VOLUNTEER           | household.get    | B      | 403
            VOLUNTEER           | member.get       | A      | 403
            VOLUNTEER           | member.get       | B      | 403
            VOLUNTEER           | household.create | A      | 403
            VOLUNTEER           | household.create | B      | 403
            VOLUNTEER           | unit.create      | A      | 403
            VOLUNTEER           | unit.create      | B      | 403
            VOLUNTEER           | member.create    | A      | 403
            VOLUNTEER           | member.create    | B      | 403
            VOLUNTEER           | audit.list       | A      | 403
            VOLUNTEER           | audit.list       | B      | 403
            VOLUNTEER           | dues.member      | A      | 403
            VOLUNTEER           | dues.member      | B      | 403
            VOLUNTEER           | dues.collection  | A      | 403
            VOLUNTEER           | dues.collection  | B      | 403
            VOLUNTEER           | dues.pay         | A      | 403
            VOLUNTEER           | dues.pay         | B      | 403

            RESIDENT            | unit.get         | A      | 200
            RESIDENT            | unit.get         | B      | 200
            RESIDENT            | unit.ancestors   | B      | 200
            RESIDENT            | unit.stats       | A      | 403
            RESIDENT            | unit.stats       | B      | 403
            RESIDENT            | household.list   | A      | 403
            RESIDENT            | household.list   | B      | 403
            RESIDENT            | household.get    | A      | 403
            RESIDENT            | household.get    | B      | 403
            RESIDENT            | member.get       | A      | 403
            RESIDENT            | member.get       | B      | 403
            RESIDENT            | household.create | A      | 403
            RESIDENT            | household.create | B      | 403
            RESIDENT            | unit.create      | A      | 403
            RESIDENT            | unit.create      | B      | 403
            RESIDENT            | member.create    | A      | 403
            RESIDENT            | member.create    | B      | 403
            RESIDENT            | audit.list       | A      | 403
            RESIDENT            | audit.list       | B      | 403

            # member education (issue 17): programs of the community, reports within it
            CITY_ADMIN          | edu.program.get  | A      | 200
            CITY_ADMIN          | edu.program.get  | B      | 200
            CITY_ADMIN          | edu.program.create | A      | 201
            CITY_ADMIN          | edu.program.create | B      | 201
            CITY_ADMIN          | edu.report       | A      | 200
            CITY_ADMIN          | edu.report       | B      | 200
            DISTRICT_ADMIN      | edu.program.get  | A      | 200
            DISTRICT_ADMIN      | edu.program.get  | B      | 404
            DISTRICT_ADMIN      | edu.program.create | A      | 201
            DISTRICT_ADMIN      | edu.program.create | B      | 403
            DISTRICT_ADMIN      | edu.report       | A      | 200
            DISTRICT_ADMIN      | edu.report       | B      | 403
            STREET_ADMIN        | edu.program.get  | A      | 200
            STREET_ADMIN        | edu.program.get  | B      | 404
            STREET_ADMIN        | edu.program.create | A      | 201
            STREET_ADMIN        | edu.program.create | B      | 403
            STREET_ADMIN        | edu.report       | A      | 200
            STREET_ADMIN        | edu.report       | B      | 403
            COMMUNITY_SECRETARY | edu.program.get  | A      | 200
            COMMUNITY_SECRETARY | edu.program.get  | B      | 404
            COMMUNITY_SECRETARY | edu.program.create | A      | 201
            COMMUNITY_SECRETARY | edu.program.create | B      | 403
            COMMUNITY_SECRETARY | edu.report       | A      | 200
            COMMUNITY_SECRETARY | edu.report       | B      | 403
            GRID_WORKER         | edu.program.get  | A      | 404
            GRID_WORKER         | edu.program.get  | B      | 404
            GRID_WORKER         | edu.program.create | A      | 403
            GRID_WORKER         | edu.program.create | B      | 403
            GRID_WORKER         | edu.report       | A      | 403
            GRID_WORKER         | edu.report       | B      | 403
            TEAM_LEADER         | edu.program.get  | A      | 403
            TEAM_LEADER         | edu.program.get  | B      | 403
            TEAM_LEADER         | edu.program.create | A      | 403
            TEAM_LEADER         | edu.program.create | B      | 403
            TEAM_LEADER         | edu.report       | A      | 403
            TEAM_LEADER         | edu.report       | B      | 403
            VOLUNTEER           | edu.program.get  | A      | 403
            VOLUNTEER           | edu.program.get  | B      | 403
            VOLUNTEER           | edu.program.create | A      | 403
            VOLUNTEER           | edu.program.create | B      | 403
            VOLUNTEER           | edu.report       | A      | 403
            VOLUNTEER           | edu.report       | B      | 403
            RESIDENT            | edu.program.get  | A      | 403
            RESIDENT            | edu.program.get  | B      | 403
            RESIDENT            | edu.program.create | A      | 403
            RESIDENT            | edu.program.create | B      | 403
            RESIDENT            | edu.report       | A      | 403
            RESIDENT            | edu.report       | B      | 403
            RESIDENT            | dues.member      | A      | 403
            RESIDENT            | dues.member      | B      | 403
            RESIDENT            | dues.collection  | A      | 403
            RESIDENT            | dues.collection  | B      | 403
            RESIDENT            | dues.pay         | A      | 403
            RESIDENT            | dues.pay         | B      | 403
            """)
    void matrix(String role, String operation, String target, int expected) {
        Community c = target.equals("A") ? a : b;
        Response response = switch (operation) {
            case "unit.get" -> as(role).get("/api/v1/org-units/" + c.building());
            case "unit.ancestors" -> as(role).get("/api/v1/org-units/" + c.building() + "/ancestors");
            case "unit.stats" -> as(role).get("/api/v1/org-units/" + c.building() + "/stats");
            case "household.list" -> as(role).queryParam("unitId", c.building()).get("/api/v1/households");
            case "household.get" -> as(role).get("/api/v1/households/" + c.household());
            case "member.get" -> as(role).get("/api/v1/members/" + c.member());
            case "household.create" -> as(role).body(Map.of("buildingUnitId", c.building(), "entrance", "2",
                    "room", UUID.randomUUID().toString().substring(0, 8), "residentsCount", 2)).post("/api/v1/households");
            case "unit.create" -> as(role).body(Map.of("code", Api.unique("sec-new"), "name", "新楼", "level", "BUILDING",
                    "parentId", c.compound())).post("/api/v1/org-units");
            case "member.create" -> as(role).body(Map.of("unitId", c.building(), "name", "新申请人", "gender", "FEMALE",
                    "birthDate", "1990-01-01")).post("/api/v1/members");
            case "audit.list" -> as(role).queryParam("within", c.community()).get("/api/v1/org-audit");
            case "edu.program.get" -> as(role).get("/api/v1/education/programs/" + program(c));
            case "edu.program.create" -> as(role).body(Map.of("unitId", c.community(), "name", Api.unique("冬训春训"), "startsOn", "2025-11-01",
                    "endsOn", "2026-04-30", "requiredCredits", 4)).post("/api/v1/education/programs");
            case "edu.report" -> as(role).queryParam("within", c.community()).queryParam("from", "2025-01-01").queryParam("to", "2025-12-31")
                    .get("/api/v1/education/reports/person-times");
            case "dues.member" -> as(role).get("/api/v1/dues/members/" + c.member());
            case "dues.collection" -> as(role).get("/api/v1/dues/units/" + c.compound() + "/collection");
            case "dues.pay" -> as(role).body(Map.of("memberId", c.member(), "fromMonth",
                    given().get("/api/v1/dues/members/" + c.member()).then().extract().path("nextMonth"), "backPaymentReason", "补交",
                    "paidOn", java.time.LocalDate.now(org.community.conventions.http.Times.ZONE).toString())).post("/api/v1/dues/payments");
            default -> throw new IllegalArgumentException(operation);
        };
        response.then().statusCode(expected);
        if (expected >= 400) {
            response.then().contentType("application/problem+json")
                    .body("type", equalTo(expected == 403 ? "urn:community-suite:problem:forbidden"
                            : expected == 422 ? "urn:community-suite:problem:unprocessable" : "urn:community-suite:problem:not-found"));
        }
    }

    @Test
    void listsWithoutAFilterShowOnlyTheScope() {
        for (String role : List.of("DISTRICT_ADMIN", "STREET_ADMIN", "COMMUNITY_SECRETARY", "GRID_WORKER")) {
            List<String> members = as(role).queryParam("size", 200).get("/api/v1/members").then().statusCode(200).extract().path("items.id");
            assertThat(members).as(role).contains(a.member()).doesNotContain(b.member());
            List<String> posts = as(role).queryParam("size", 200).get("/api/v1/members/posts").then().statusCode(200)
                    .extract().path("items.unitId");
            assertThat(posts).as(role).doesNotContain(b.building(), b.compound());
        }
        // a filter on a unit outside the scope is refused rather than answered empty
        as("COMMUNITY_SECRETARY").queryParam("within", b.community()).get("/api/v1/members").then().statusCode(403);
        as("COMMUNITY_SECRETARY").queryParam("within", b.community()).get("/api/v1/transfers").then().statusCode(403);
        as("COMMUNITY_SECRETARY").queryParam("origin", b.community()).get("/api/v1/mobile-members").then().statusCode(403);
        as("COMMUNITY_SECRETARY").queryParam("within", b.community()).get("/api/v1/org-life/meetings").then().statusCode(403);
        // no units at all: an admin role sees nothing
        List<String> none = given().auth().oauth2(Tokens.of("nobody", "COMMUNITY_SECRETARY")).get("/api/v1/members")
                .then().statusCode(200).extract().path("items.id");
        assertThat(none).isEmpty();
        // the public directory lists every unit for everyone
        List<String> directory = as("RESIDENT").queryParam("q", "B社区").queryParam("size", 200).get("/api/v1/org-units")
                .then().statusCode(200).extract().path("items.id");
        assertThat(directory).contains(b.community());
        as("RESIDENT").get("/api/v1/org-units/" + b.community() + "/children").then().statusCode(200);
        as("RESIDENT").get("/api/v1/org-units/" + b.community() + "/subtree").then().statusCode(200);
        as("RESIDENT").get("/api/v1/org-units/level-rules").then().statusCode(200);
    }

    @Test
    void personalDataIsMaskedByRole() {
        as("COMMUNITY_SECRETARY").get("/api/v1/members/" + a.member()).then().statusCode(200)
                .body("phone", equalTo("13912345678")).body("idNumber", org.hamcrest.Matchers.matchesPattern("110105[0-9]{11}[0-9X]"));
        as("GRID_WORKER").get("/api/v1/members/" + a.member()).then().statusCode(200)
                .body("phone", equalTo("13912345678")).body("idNumber", org.hamcrest.Matchers.matchesPattern("110\\*{11}[0-9]{3}[0-9X]"));
        as("TEAM_LEADER").get("/api/v1/members/" + a.member()).then().statusCode(403);
        as("GRID_WORKER").get("/api/v1/households/" + a.household()).then().statusCode(200).body("phone", equalTo("13812345678"));
    }

    @Test
    void aMembersIncomeBaseIsSeenByTheAdminsOfTheirScopeOnly() {
        for (String role : List.of("CITY_ADMIN", "DISTRICT_ADMIN", "STREET_ADMIN", "COMMUNITY_SECRETARY")) {
            as(role).get("/api/v1/dues/members/" + a.member()).then().statusCode(200).body("currentBase.income", equalTo("4500.00"))
                    .body("currentBase.incomeVisible", equalTo(true));
            as(role).get("/api/v1/dues/members/" + a.member() + "/bases").then().statusCode(200).body("[0].income", equalTo("4500.00"));
        }
        // a grid worker of the scope reads the dues (what is owed and paid) but not the income behind them
        as("GRID_WORKER").get("/api/v1/dues/members/" + a.member()).then().statusCode(200).body("monthlyAmount", equalTo("45.00"))
                .body("currentBase.income", org.hamcrest.Matchers.nullValue()).body("currentBase.ratePercent", org.hamcrest.Matchers.nullValue())
                .body("currentBase.incomeVisible", equalTo(false));
        as("GRID_WORKER").get("/api/v1/dues/members/" + a.member() + "/bases").then().statusCode(200)
                .body("[0].income", org.hamcrest.Matchers.nullValue());
        // outside the scope the member does not exist; the roles without record access are refused
        as("COMMUNITY_SECRETARY").get("/api/v1/dues/members/" + b.member() + "/bases").then().statusCode(404);
        as("TEAM_LEADER").get("/api/v1/dues/members/" + a.member() + "/bases").then().statusCode(403);
        // and writes on bases stay with the admins of the member's scope
        as("GRID_WORKER").body(Map.of("memberId", a.member(), "year", 2020, "category", "STUDENT")).post("/api/v1/dues/bases")
                .then().statusCode(403);
        as("COMMUNITY_SECRETARY").body(Map.of("memberId", b.member(), "year", 2020, "category", "STUDENT")).post("/api/v1/dues/bases")
                .then().statusCode(422).body("errors[0].field", equalTo("memberId"));
    }

    @Test
    void writesOnUnitsStayInsideTheScope() {
        String etag = Api.etag("/api/v1/org-units/" + a.community());
        // a secretary may edit its own community but neither move nor dissolve it
        as("COMMUNITY_SECRETARY").header("If-Match", etag)
                .body(Map.of("code", Api.unique("sec-renamed"), "name", "A社区", "form", "COMMITTEE"))
                .put("/api/v1/org-units/" + a.community()).then().statusCode(200);
        as("COMMUNITY_SECRETARY").body(Map.of("reason", "合并")).post("/api/v1/org-units/" + a.community() + "/dissolve")
                .then().statusCode(403);
        as("COMMUNITY_SECRETARY").body(Map.of("newParentId", b.street())).post("/api/v1/org-units/" + a.community() + "/move")
                .then().statusCode(403);
        // moving a unit inside the scope to a parent outside it is refused too
        String spare = Api.unit(Api.unique("sec-spare"), "待迁楼", "BUILDING", null, a.compound());
        as("COMMUNITY_SECRETARY").body(Map.of("newParentId", b.compound())).post("/api/v1/org-units/" + spare + "/move")
                .then().statusCode(403);
        as("COMMUNITY_SECRETARY").body(Map.of("newParentId", a.grid())).post("/api/v1/org-units/" + spare + "/move")
                .then().statusCode(200);
        // only CITY_ADMIN creates a top unit
        as("DISTRICT_ADMIN").body(Map.of("code", Api.unique("sec-top"), "name", "另一市", "level", "CITY"))
                .post("/api/v1/org-units").then().statusCode(403);
    }

    @Test
    void transfersAreSeenAndDecidedByTheRightSide() {
        String member = Api.member(a.building(), "转出党员", "FULL");
        String sender = Tokens.of("sender", "COMMUNITY_SECRETARY", a.community());
        String receiver = Tokens.of("receiver", "COMMUNITY_SECRETARY", b.community());
        String outsider = Tokens.of("outsider", "COMMUNITY_SECRETARY");
        given().auth().oauth2(receiver).contentType("application/json").body(Map.of("memberId", member, "toUnitId", b.building()))
                .post("/api/v1/transfers").then().statusCode(422);
        String transfer = given().auth().oauth2(sender).contentType("application/json")
                .body(Map.of("memberId", member, "toUnitId", b.building())).post("/api/v1/transfers")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(receiver).get("/api/v1/transfers/" + transfer).then().statusCode(200);
        given().auth().oauth2(outsider).get("/api/v1/transfers/" + transfer).then().statusCode(404);
        List<String> incoming = given().auth().oauth2(receiver).get("/api/v1/transfers").then().statusCode(200).extract().path("items.id");
        assertThat(incoming).contains(transfer);
        given().auth().oauth2(sender).contentType("application/json").body(Map.of()).post("/api/v1/transfers/" + transfer + "/accept")
                .then().statusCode(403);
        given().auth().oauth2(receiver).contentType("application/json").body(Map.of()).post("/api/v1/transfers/" + transfer + "/cancel")
                .then().statusCode(403);
        given().auth().oauth2(outsider).contentType("application/json").body(Map.of()).post("/api/v1/transfers/" + transfer + "/accept")
                .then().statusCode(404);
        given().auth().oauth2(receiver).contentType("application/json").body(Map.of()).post("/api/v1/transfers/" + transfer + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        // the member now belongs to B: the receiver administers it, the sender no longer sees it
        given().auth().oauth2(receiver).get("/api/v1/members/" + member).then().statusCode(200);
        given().auth().oauth2(sender).get("/api/v1/members/" + member).then().statusCode(404);
    }

    @Test
    void mobileMembersAreSeenFromOriginAndStation() {
        String member = Api.member(a.building(), "流动党员", "FULL");
        String outflow = as("COMMUNITY_SECRETARY").body(Map.of("memberId", member, "destinationCity", "深圳", "reason", "务工",
                "contactPhone", "13700001111", "leftOn", "2026-01-05")).post("/api/v1/mobile-members")
                .then().statusCode(201).extract().path("id");
        String stationWorker = Tokens.of("station-grid", "GRID_WORKER", b.grid());
        given().auth().oauth2(stationWorker).get("/api/v1/mobile-members/" + outflow).then().statusCode(404);
        given().auth().oauth2(stationWorker).contentType("application/json")
                .body(Map.of("stationUnitId", a.compound(), "registeredOn", "2026-01-10"))
                .post("/api/v1/mobile-members/" + outflow + "/registration").then().statusCode(403);
        given().auth().oauth2(stationWorker).contentType("application/json")
                .body(Map.of("stationUnitId", b.compound(), "registeredOn", "2026-01-10"))
                .post("/api/v1/mobile-members/" + outflow + "/registration").then().statusCode(200)
                .body("contactPhone", equalTo("13700001111"));
        // the station's grid worker sees the phone; internal paths never leave the service
        given().auth().oauth2(stationWorker).get("/api/v1/mobile-members/" + outflow).then().statusCode(200)
                .body("contactPhone", equalTo("13700001111")).body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("originPath")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("stationPath")));
        // a volunteer of the origin's community may not read mobile members at all
        as("VOLUNTEER").get("/api/v1/mobile-members/" + outflow).then().statusCode(403);
        as("TEAM_LEADER").get("/api/v1/mobile-members/" + outflow).then().statusCode(403);
        List<String> seenByStation = given().auth().oauth2(stationWorker).get("/api/v1/mobile-members").then().statusCode(200)
                .extract().path("items.id");
        assertThat(seenByStation).contains(outflow);
    }

    @Test
    void importsGoUnderAUnitInsideTheScope() {
        byte[] csv = ("type,code,parent_code,name,level,form,established_on,leader_name,building_code,entrance,room,residents\n"
                + "unit," + Api.unique("sec-imp") + ",%s,导入楼,BUILDING,,,,,,,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String aCode = given().get("/api/v1/org-units/" + a.compound()).then().extract().path("code");
        String bCode = given().get("/api/v1/org-units/" + b.compound()).then().extract().path("code");
        io.restassured.config.RestAssuredConfig binary = io.restassured.RestAssured.config().encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig().encodeContentTypeAs("text/csv", io.restassured.http.ContentType.BINARY));
        String secretary = token("COMMUNITY_SECRETARY");
        // without a parent unit, and with one outside the scope: refused before anything is stored
        given().config(binary).auth().oauth2(secretary).contentType("text/csv").body(String.format(new String(csv), aCode).getBytes())
                .post("/api/v1/imports").then().statusCode(422);
        given().config(binary).auth().oauth2(secretary).contentType("text/csv").queryParam("parentId", b.community())
                .body(String.format(new String(csv), bCode).getBytes()).post("/api/v1/imports").then().statusCode(403);
        // rows that reach outside the parent unit fail the import
        String outside = given().config(binary).auth().oauth2(secretary).contentType("text/csv").queryParam("parentId", a.community())
                .body(String.format(new String(csv), bCode).getBytes()).post("/api/v1/imports").then().statusCode(202)
                .extract().path("id");
        String inside = given().config(binary).auth().oauth2(secretary).contentType("text/csv").queryParam("parentId", a.community())
                .body(String.format(new String(csv), aCode).getBytes()).post("/api/v1/imports").then().statusCode(202)
                .extract().path("id");
        awaitStatus(secretary, outside, "FAILED");
        awaitStatus(secretary, inside, "SUCCEEDED");
        given().auth().oauth2(Tokens.of("other", "COMMUNITY_SECRETARY", b.community())).get("/api/v1/imports/" + inside)
                .then().statusCode(404);
        List<String> seen = given().auth().oauth2(Tokens.of("other", "COMMUNITY_SECRETARY", b.community())).get("/api/v1/imports")
                .then().statusCode(200).extract().path("items.id");
        assertThat(seen).doesNotContain(inside, outside);
    }

    private static void awaitStatus(String token, String importId, String status) {
        for (int i = 0; i < 100; i++) {
            String now = given().auth().oauth2(token).get("/api/v1/imports/" + importId).then().statusCode(200).extract().path("status");
            if (now.equals(status)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("import " + importId + " did not reach " + status);
    }

    @Test
    void everyWriteIsAuditedAndTheLogIsScoped() {
        String requestId = "audit-" + UUID.randomUUID();
        String household = as("GRID_WORKER").header("X-Request-Id", requestId)
                .body(Map.of("buildingUnitId", a.building(), "room", Api.unique("r"), "residentsCount", 1, "phone", "13600001111"))
                .post("/api/v1/households").then().statusCode(201).extract().path("id");
        as("COMMUNITY_SECRETARY").queryParam("resourceId", household).get("/api/v1/org-audit").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].actor", equalTo("grid-worker")).body("items[0].action", equalTo("household.create"))
                .body("items[0].requestId", equalTo(requestId)).body("items[0].roles", equalTo(List.of("GRID_WORKER")))
                .body("items[0].summary.phone", equalTo("136****1111"));
        as("COMMUNITY_SECRETARY").queryParam("resourceId", household).queryParam("resourceType", "household")
                .queryParam("from", "2020-01-01T00:00:00+08:00").queryParam("actor", "grid-worker").get("/api/v1/org-audit")
                .then().statusCode(200).body("total", equalTo(1));
        as("COMMUNITY_SECRETARY").queryParam("resourceId", household).queryParam("to", "2020-01-01T00:00:00+08:00")
                .get("/api/v1/org-audit").then().statusCode(200).body("total", equalTo(0));
        // admins of another scope do not see it; non-admins may not read the log at all
        given().auth().oauth2(Tokens.of("other", "COMMUNITY_SECRETARY", b.community())).queryParam("resourceId", household)
                .get("/api/v1/org-audit").then().statusCode(200).body("total", equalTo(0));
        as("GRID_WORKER").get("/api/v1/org-audit").then().statusCode(403);
        // a refused write leaves no entry
        as("GRID_WORKER").body(Map.of("buildingUnitId", b.building(), "room", "999", "residentsCount", 1)).post("/api/v1/households")
                .then().statusCode(403);
        given().queryParam("actor", "grid-worker").queryParam("within", b.community()).get("/api/v1/org-audit").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void badTokensAre401Problems() {
        String path = "/api/v1/households/" + a.household();
        for (String token : List.of("not-a-jwt", Tokens.expired("CITY_ADMIN"), Tokens.wrongIssuer("CITY_ADMIN"),
                Tokens.wrongAudience("CITY_ADMIN"), Tokens.tampered("RESIDENT"), Tokens.badSignature("CITY_ADMIN"))) {
            given().header("Authorization", "Bearer " + token).header("Accept-Language", "en").get(path).then().statusCode(401)
                    .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"))
                    .body("type", equalTo("urn:community-suite:problem:unauthorized")).body("title", equalTo("Not authenticated"));
        }
        given().header("Authorization", DefaultToken.NONE).get(path).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:community-suite:problem:unauthorized")).body("title", equalTo("未认证"));
        given().header("Authorization", DefaultToken.NONE).get("/api/v1/org-units/" + a.community()).then().statusCode(401);
        // health, metrics and the OpenAPI document stay open
        given().header("Authorization", DefaultToken.NONE).get("/q/health/live").then().statusCode(200);
        given().header("Authorization", DefaultToken.NONE).get("/q/openapi").then().statusCode(200);
    }
}
