package org.community.consultation.disclosure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.community.consultation.support.Downstreams;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(Downstreams.class)
class DisclosureTest {

    private static String entry(String fund, String direction, String amount, String summary) {
        return "{\"compoundId\":\"" + Downstreams.COMPOUND + "\",\"fund\":\"" + fund + "\",\"direction\":\"" + direction + "\",\"amount\":" + amount
                + ",\"occurredOn\":\"2023-08-18\",\"summary\":\"" + summary + "\",\"recordedBy\":\"财务 赵敏\"}";
    }

    @Test
    void ledgerKeepsRunningBalancesAndCorrectsByNewEntries() {
        given().contentType("application/json").body(entry("PUBLIC_INCOME", "INCOME", "12000.00", "停车费")).post("/api/v1/disclosures").then()
                .statusCode(201).body("balanceAfter", equalTo(12000.0f)).body("compoundName", equalTo("文康苑小区"));
        String wrong = given().contentType("application/json").body(entry("PUBLIC_INCOME", "EXPENSE", "3600.00", "下水道维修"))
                .post("/api/v1/disclosures").then().statusCode(201).body("balanceAfter", equalTo(8400.0f)).extract().path("id");
        // more than the balance
        given().contentType("application/json").body(entry("PUBLIC_INCOME", "EXPENSE", "99999.00", "x")).post("/api/v1/disclosures").then()
                .statusCode(409);
        given().contentType("application/json").body(entry("PUBLIC_INCOME", "EXPENSE", "1.001", "x")).post("/api/v1/disclosures").then()
                .statusCode(400).body("errors[0].field", equalTo("amount"));
        given().contentType("application/json").body("{\"reason\":\"金额录错,应为 360 元\",\"recordedBy\":\"财务 赵敏\",\"replacement\":{\"direction\":"
                + "\"EXPENSE\",\"amount\":360.00,\"occurredOn\":\"2023-08-18\",\"summary\":\"下水道维修\"}}")
                .post("/api/v1/disclosures/" + wrong + "/corrections").then().statusCode(201)
                .body("entries.kind", contains("REVERSAL", "REPLACEMENT")).body("entries.balanceAfter", contains(12000.0f, 11640.0f))
                .body("entries[0].correctsId", equalTo(wrong));
        given().contentType("application/json").body("{\"reason\":\"again\",\"recordedBy\":\"x\"}").post("/api/v1/disclosures/" + wrong
                + "/corrections").then().statusCode(409);
        given().get("/api/v1/disclosures/" + wrong).then().body("corrected", equalTo(true)).body("amount", equalTo(3600.0f));
        given().get("/api/v1/disclosures?compoundId=" + Downstreams.COMPOUND + "&fund=PUBLIC_INCOME").then().body("total", equalTo(4))
                .body("items.seq", contains(1, 2, 3, 4)).body("items.balanceAfter", contains(12000.0f, 8400.0f, 12000.0f, 11640.0f));
        given().get("/api/v1/disclosures/balances?compoundId=" + Downstreams.COMPOUND).then().body("[0].fund", equalTo("PUBLIC_INCOME"))
                .body("[0].balance", equalTo(11640.0f)).body("[0].entries", equalTo(4));
    }

    @Test
    void onlyCompoundsHaveLedgersAndOrgServiceDownIs503() {
        given().contentType("application/json").body(entry("PROPERTY_FUND", "INCOME", "1", "x").replace(Downstreams.COMPOUND.toString(),
                Downstreams.BUILDING.toString())).post("/api/v1/disclosures").then().statusCode(422).body("errors[0].field", equalTo("compoundId"));
        Downstreams.orgDown = true;
        try {
            given().contentType("application/json").body(entry("PROPERTY_FUND", "INCOME", "1", "x").replace(Downstreams.COMPOUND.toString(),
                    Downstreams.OTHER_COMPOUND.toString())).post("/api/v1/disclosures").then().statusCode(503);
        } finally {
            Downstreams.orgDown = false;
        }
        given().get("/api/v1/disclosures/balances?compoundId=" + Downstreams.OTHER_COMPOUND).then().statusCode(200).body("size()", equalTo(0));
        given().get("/api/v1/disclosures/" + UUID.randomUUID()).then().statusCode(404);
    }
}
