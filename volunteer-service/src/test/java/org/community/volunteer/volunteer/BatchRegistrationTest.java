package org.community.volunteer.volunteer;

import static io.restassured.RestAssured.given;
import static org.community.volunteer.Fixtures.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.community.volunteer.FakeOrgService;
import org.community.volunteer.Fixtures;
import org.community.conventions.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POST /api/v1/volunteers/batch: a spreadsheet of volunteers, checked as a whole, written all or nothing. */
@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
class BatchRegistrationTest {

    @BeforeEach
    void token() {
        Tokens.useCityAdminByDefault();
    }

    /** One registration as JSON; {@code extra} is appended inside the object (e.g. {@code "account":"x"}). */
    private static String item(String name, String phone, String idNumber, UUID unit, String extra) {
        return "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"" + (idNumber == null ? "" : ",\"idNumber\":\"" + idNumber + "\"")
                + ",\"gender\":\"FEMALE\",\"skills\":[\"ELDER_CARE\",\"ELDER_CARE\",\"FIRST_AID\"],\"availability\":\" 周末 \""
                + (unit == null ? "" : ",\"orgUnitId\":\"" + unit + "\"") + (extra == null ? "" : "," + extra) + "}";
    }

    private static String item(String name, UUID unit) {
        return item(name, Fixtures.phone(), Fixtures.idNumber(), unit, null);
    }

    private static String batch(List<String> items) {
        return "{\"volunteers\":[" + String.join(",", items) + "]}";
    }

    private static Response postBatch(String body) {
        return given().contentType(ContentType.JSON).header("Accept-Language", "en").body(body).post("/api/v1/volunteers/batch");
    }

    private static int volunteersIn(UUID unit) {
        return given().queryParam("orgUnitId", unit).get("/api/v1/volunteers/stats").then().statusCode(200).extract().path("volunteers");
    }

    @Test
    void registersAllInInputOrderReadableCountedAndAudited() {
        UUID community = FakeOrgService.newCommunity("批量社区");
        UUID building1 = FakeOrgService.newUnit("1 栋", "BUILDING", community);
        UUID building2 = FakeOrgService.newUnit("2 栋", "BUILDING", community);
        String account = "batch-" + UUID.randomUUID();
        List<String> items = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String phone = Fixtures.phone();
            phones.add(phone);
            items.add(item("批量" + i, phone, i % 3 == 0 ? null : Fixtures.idNumber(), i % 2 == 0 ? building1 : building2,
                    i == 5 ? "\"account\":\"" + account + "\"" : null));
        }
        long lookupsBefore = FakeOrgService.lookups();
        String body = batch(items);
        Response created = given().contentType(ContentType.JSON).header("Idempotency-Key", "batch-" + UUID.randomUUID()).body(body)
                .post("/api/v1/volunteers/batch");
        created.then().statusCode(201).body("created", equalTo(12)).body("ids", hasSize(12));
        // each distinct unit asked once, not once per item
        assertEquals(2, FakeOrgService.lookups() - lookupsBefore);
        List<String> ids = created.path("ids");
        assertEquals(ids.stream().map(UUID::fromString).sorted().map(UUID::toString).distinct().toList(), ids,
                "distinct and time-ordered in input order");

        for (int i : new int[] { 0, 5, 11 }) {
            given().get("/api/v1/volunteers/" + ids.get(i)).then().statusCode(200).header("ETag", equalTo("\"1\""))
                    .body("name", equalTo("批量" + i)).body("phone", equalTo(phones.get(i)))
                    .body("orgUnitName", equalTo(i % 2 == 0 ? "1 栋" : "2 栋")).body("verificationStatus", equalTo("UNVERIFIED"))
                    .body("skills", equalTo(List.of("ELDER_CARE", "FIRST_AID"))).body("availability", equalTo("周末"));
        }
        // the account links the profile to its login, as on a single registration
        given().auth().oauth2(Tokens.token(account, "VOLUNTEER")).get("/api/v1/volunteers/me").then().statusCode(200)
                .body("id", equalTo(ids.get(5))).body("phone", equalTo(phones.get(5)));
        // listed in input order within the community, counted by the stats
        given().queryParam("orgUnitId", community).queryParam("size", 200).get("/api/v1/volunteers").then().statusCode(200)
                .body("total", equalTo(12)).body("items.id", equalTo(ids));
        assertEquals(12, volunteersIn(community));
        assertEquals(6, volunteersIn(building1));

        // one audit entry per volunteer, without personal data, tied together by the request id
        given().queryParam("resourceId", ids.get(5)).get("/api/v1/volunteer-audit").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].action", equalTo("volunteer.batch-register")).body("items[0].actor", equalTo("city-admin"))
                .body("items[0].summary.position", equalTo(5)).body("items[0].summary.batchSize", equalTo(12))
                .body("items[0].summary.account", equalTo(account)).body("items[0].summary.phone", equalTo(null));
        given().queryParam("within", community).queryParam("size", 200).get("/api/v1/volunteer-audit").then().statusCode(200)
                .body("total", equalTo(12)).body("items.action", everyItem(equalTo("volunteer.batch-register")));
    }

    @Test
    void idempotencyKeyReplaysTheBatch() {
        UUID community = FakeOrgService.newCommunity("重放社区");
        String body = batch(List.of(item("重放甲", community), item("重放乙", community)));
        String key = "batch-" + UUID.randomUUID();
        List<String> ids = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/volunteers/batch")
                .then().statusCode(201).extract().path("ids");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/v1/volunteers/batch").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("ids", equalTo(ids));
        assertEquals(2, volunteersIn(community));
        // the same key with another body is refused
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(batch(List.of(item("重放丙", community))))
                .post("/api/v1/volunteers/batch").then().statusCode(422);
    }

    @Test
    void oneBadItemWritesNothingAndIsNamed() {
        UUID community = FakeOrgService.newCommunity("坏项社区");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            items.add(i == 3 ? item("坏号", "123", null, community, null) : item("好人" + i, community));
        }
        postBatch(batch(items)).then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("volunteers[3].phone"))
                .body("errors[0].message", equalTo("is not a mobile phone number"));
        assertEquals(0, volunteersIn(community));

        // a wrong check character and a blank name, found together; still nothing written
        String idNumber = Fixtures.idNumber();
        String wrong = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? "2" : "1");
        items.set(3, item("好人3", Fixtures.phone(), wrong, community, null));
        postBatch(batch(items)).then().statusCode(400).body("errors[0].field", equalTo("volunteers[3].idNumber"))
                .body("errors[0].message", equalTo("The ID number's check character is wrong"))
                .body("detail", equalTo("1 error(s) in the batch; no volunteer was registered"));
        items.set(1, "{\"name\":\"\",\"phone\":\"" + Fixtures.phone() + "\"}");
        postBatch(batch(items)).then().statusCode(400).body("errors.field", hasItem("volunteers[1].name"));
        assertEquals(0, volunteersIn(community));
    }

    @Test
    void duplicatesInsideTheBatchAndAgainstStoredDataAreReported() {
        UUID community = FakeOrgService.newCommunity("重复社区");
        String phone = Fixtures.phone();
        String idNumber = Fixtures.idNumber();
        postBatch(batch(List.of(item("甲", phone, idNumber, community, null), item("乙", community), item("丙", phone, null, community, null),
                item("丁", Fixtures.phone(), idNumber, community, null)))).then().statusCode(400)
                .body("errors.field", equalTo(List.of("volunteers[2].phone", "volunteers[3].idNumber")))
                .body("errors[0].message", equalTo("Same as volunteers[0] of this batch"));
        assertEquals(0, volunteersIn(community));

        // against a volunteer registered before (by a single registration): 422, the phone masked
        String existing = Fixtures.phone();
        post("/api/v1/volunteers", "{\"name\":\"已登记\",\"phone\":\"" + existing + "\"}").then().statusCode(201);
        String account = "taken-" + UUID.randomUUID();
        post("/api/v1/volunteers", "{\"name\":\"有账号\",\"phone\":\"" + Fixtures.phone() + "\",\"account\":\"" + account + "\"}")
                .then().statusCode(201);
        UUID unknown = UUID.randomUUID();
        postBatch(batch(List.of(item("戊", community), item("己", existing, null, community, null), item("庚", unknown),
                item("辛", Fixtures.phone(), null, community, "\"account\":\"" + account + "\"")))).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("volunteers[1].phone", "volunteers[2].orgUnitId", "volunteers[3].account")))
                .body("errors[0].message", equalTo("Phone " + Masks.phone(existing) + " is already registered"))
                .body("errors[1].message", containsString(unknown.toString()));
        assertEquals(0, volunteersIn(community));
    }

    @Test
    void adminRolesOnlyAndOnlyInsideTheirScope() {
        UUID community = FakeOrgService.newCommunity("范围社区");
        UUID building = FakeOrgService.newUnit("范围 1 栋", "BUILDING", community);
        UUID other = FakeOrgService.newCommunity("别的社区");
        String secretary = Tokens.token("secretary-" + UUID.randomUUID(), "COMMUNITY_SECRETARY", community);

        // inside the scope (the community is not in the snapshot yet: the chain from org-service decides)
        given().auth().oauth2(secretary).contentType(ContentType.JSON).body(batch(List.of(item("内一", building), item("内二", community))))
                .post("/api/v1/volunteers/batch").then().statusCode(201).body("created", equalTo(2));
        // one unit outside makes the whole batch 403
        given().auth().oauth2(secretary).contentType(ContentType.JSON).body(batch(List.of(item("内三", building), item("外一", other))))
                .post("/api/v1/volunteers/batch").then().statusCode(403).contentType("application/problem+json");
        // only CITY_ADMIN registers someone in no unit
        given().auth().oauth2(secretary).contentType(ContentType.JSON).body(batch(List.of(item("无单位", null))))
                .post("/api/v1/volunteers/batch").then().statusCode(403);
        assertEquals(0, volunteersIn(other));
        assertEquals(2, volunteersIn(community));

        // no admin role: 403, even for units of their scope
        for (String role : List.of("GRID_WORKER", "TEAM_LEADER", "VOLUNTEER", "RESIDENT")) {
            given().auth().oauth2(Tokens.token("someone-" + role, role, community)).contentType(ContentType.JSON)
                    .body(batch(List.of(item("非管理员", building)))).post("/api/v1/volunteers/batch").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        assertEquals(2, volunteersIn(community));
    }

    @Test
    void oneToFiveHundredItems() {
        UUID community = FakeOrgService.newCommunity("五百社区");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            items.add(item("第" + i + "人", community));
        }
        postBatch(batch(items)).then().statusCode(400).body("errors.field", equalTo(List.of("volunteers")));
        postBatch("{\"volunteers\":[]}").then().statusCode(400).body("errors.field", equalTo(List.of("volunteers")));
        postBatch("{}").then().statusCode(400).body("errors.field", equalTo(List.of("volunteers")));
        assertEquals(0, volunteersIn(community));

        // exactly 500 go in one request
        postBatch(batch(items.subList(0, 500))).then().statusCode(201).body("created", equalTo(500));
        assertEquals(500, volunteersIn(community));
    }
}
