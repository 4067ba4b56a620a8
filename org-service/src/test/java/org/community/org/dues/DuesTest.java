package org.community.org.dues;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.community.org.support.Api;
import org.community.conventions.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Party dues through HTTP on the real database. The dues calendar is set to fixed days of 2025 so that months are known. */
@QuarkusTest
class DuesTest {

    @Inject
    DuesCalendar calendar;

    @AfterEach
    void realClock() {
        calendar.setClock(Clock.system(org.community.conventions.http.Times.ZONE));
    }

    private void today(String date) {
        calendar.setClock(Clock.fixed(LocalDate.parse(date).atTime(10, 0).toInstant(ZoneOffset.ofHours(8)), org.community.conventions.http.Times.ZONE));
    }

    private static String community(String street, String name) {
        return Api.unit(Api.unique("DC"), name + "社区", "COMMUNITY", "COMMITTEE", street);
    }

    private static String branch(String community, String name) {
        return Api.unit(Api.unique("DB"), name + "支部", "COMPOUND", "BRANCH", community);
    }

    static JsonPath base(String member, int year, Map<String, Object> figures) {
        Map<String, Object> body = new HashMap<>(figures);
        body.put("memberId", member);
        body.put("year", year);
        return given().contentType("application/json").body(body).post("/api/v1/dues/bases").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath salaried(String member, int year, String income) {
        return base(member, year, Map.of("category", "SALARIED", "income", income));
    }

    private static io.restassured.response.Response pay(String member, String from, int months, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("memberId", member);
        body.put("fromMonth", from);
        body.put("months", months);
        body.putIfAbsent("paidOn", "2025-03-05");
        return given().contentType("application/json").body(body).post("/api/v1/dues/payments");
    }

    private static JsonPath dues(String member) {
        return given().get("/api/v1/dues/members/" + member).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theTableAppliesThroughTheApiAndTheBaseIsSetOnceAYearWithItsHistory() {
        String branch = branch(community(Api.street("dt"), "表"), "表");
        String[][] cases = { { "SALARIED", "3000.00", "15.00" }, { "SALARIED", "3000.01", "30.00" }, { "SALARIED", "5000.00", "50.00" },
                { "SALARIED", "5000.01", "75.00" }, { "SALARIED", "10000.00", "150.00" }, { "SALARIED", "10000.01", "200.00" },
                { "RETIRED", "5000.00", "25.00" }, { "RETIRED", "5000.01", "50.00" } };
        for (String[] c : cases) {
            String member = Api.member(branch, "党员" + c[1], "FULL");
            assertThat(base(member, 2025, Map.of("category", c[0], "income", c[1])).getString("monthlyAmount")).isEqualTo(c[2]);
            assertThat(dues(member).getString("monthlyAmount")).as(c[0] + " " + c[1]).isEqualTo(c[2]);
        }
        for (String category : List.of("STUDENT", "UNEMPLOYED", "RELIEF")) {
            String member = Api.member(branch, category, "FULL");
            assertThat(base(member, 2025, Map.of("category", category)).getString("monthlyAmount")).isEqualTo("0.20");
        }
        String farmer = Api.member(branch, "农民", "FULL");
        given().contentType("application/json").body(Map.of("memberId", farmer, "year", 2025, "category", "FARMER", "fixedAmount", "1.50"))
                .post("/api/v1/dues/bases").then().statusCode(400).body("errors[0].field", equalTo("fixedAmount"));
        given().contentType("application/json").body(Map.of("memberId", farmer, "year", 2025, "category", "SALARIED", "income", "3000.001"))
                .post("/api/v1/dues/bases").then().statusCode(400).body("errors[0].field", equalTo("income"));
        JsonPath set = base(farmer, 2025, Map.of("category", "FARMER", "fixedAmount", "0.60"));
        assertThat(set.getString("monthlyAmount")).isEqualTo("0.60");
        // once a year: a second POST is 409, the correction is a PUT with If-Match that keeps the history
        given().contentType("application/json").body(Map.of("memberId", farmer, "year", 2025, "category", "FARMER", "fixedAmount", "0.80"))
                .post("/api/v1/dues/bases").then().statusCode(409).body("errors[0].field", equalTo("year"));
        String path = "/api/v1/dues/members/" + farmer + "/bases/2025";
        given().contentType("application/json").body(Map.of("category", "FARMER", "fixedAmount", "0.80")).put(path).then().statusCode(428);
        given().contentType("application/json").header("If-Match", "\"9\"").body(Map.of("category", "FARMER", "fixedAmount", "0.80")).put(path)
                .then().statusCode(412);
        given().contentType("application/json").header("If-Match", "\"1\"").body(Map.of("category", "FARMER", "fixedAmount", "0.80")).put(path)
                .then().statusCode(200).header("ETag", "\"2\"").body("monthlyAmount", equalTo("0.80"));
        JsonPath history = given().get("/api/v1/dues/members/" + farmer + "/bases").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("monthlyAmount", String.class)).hasSize(2);
        assertThat(history.getList("current", Boolean.class)).containsExactlyInAnyOrder(true, false);
        // a probationary member pays from the month of admission
        String probationary = Api.member(branch, "预备党员", "PROBATIONARY");
        LocalDate admitted = LocalDate.now(org.community.conventions.http.Times.ZONE).minusMonths(2);
        JsonPath opened = salaried(probationary, admitted.getYear(), "4000");
        assertThat(opened.getString("validFrom")).isEqualTo(admitted.getMonthValue() == 1 ? admitted.getYear() + "-01"
                : java.time.YearMonth.from(admitted).toString());
        String applicant = Api.member(branch, "申请人", "APPLICANT");
        given().contentType("application/json").body(Map.of("memberId", applicant, "year", 2025, "category", "STUDENT"))
                .post("/api/v1/dues/bases").then().statusCode(409);
    }

    @Test
    void paymentsSettleMonthsInOrderWithReceiptsAndOneWinsAmongTwoClerks() throws Exception {
        today("2025-03-10");
        String branch = branch(community(Api.street("dp"), "交"), "交");
        String member = Api.member(branch, "王强", "FULL");
        salaried(member, 2025, "4000.00");
        // dues 40.00 a month; two months with 5.00 extra; a wrong amount names the field
        pay(member, "2025-01", 2, Map.of("extra", "5.00", "amount", "80.00")).then().statusCode(422).body("errors[0].field", equalTo("amount"));
        JsonPath receipt = pay(member, "2025-01", 2, Map.of("extra", "5.00", "amount", "85.00", "method", "BANK_TRANSFER")).then().statusCode(201)
                .extract().jsonPath();
        assertThat(receipt.getString("receiptNo")).matches("DF2025-[0-9]{8}");
        assertThat(receipt.getString("dueAmount")).isEqualTo("80.00");
        assertThat(receipt.getString("totalAmount")).isEqualTo("85.00");
        assertThat(receipt.getString("toMonth")).isEqualTo("2025-02");
        JsonPath account = dues(member);
        assertThat(account.getString("paidThrough")).isEqualTo("2025-02");
        assertThat(account.getString("nextMonth")).isEqualTo("2025-03");
        // a paid month is 409; a gap is 422
        pay(member, "2025-02", 1, Map.of()).then().statusCode(409).body("errors[0].field", equalTo("fromMonth"));
        pay(member, "2025-05", 1, Map.of()).then().statusCode(422).body("errors[0].field", equalTo("fromMonth"));
        // a retry with the same Idempotency-Key replays the receipt instead of paying twice
        Map<String, Object> march = Map.of("memberId", member, "fromMonth", "2025-03", "paidOn", "2025-03-06");
        String first = given().contentType("application/json").header("Idempotency-Key", Api.unique("k")).body(march)
                .post("/api/v1/dues/payments").then().statusCode(201).extract().path("id");
        given().get("/api/v1/dues/receipts/" + first).then().statusCode(200).body("memberName", equalTo("王强"));
        // two clerks record the same member's April at once: exactly one payment
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return pay(member, "2025-04", 1, Map.of("paidOn", "2025-03-07")).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(given().queryParam("memberId", member).get("/api/v1/dues/receipts").then().statusCode(200).extract().<Integer>path("total"))
                .isEqualTo(3);
        assertThat(dues(member).getString("nextMonth")).isEqualTo("2025-05");
        // every payment left an audit entry
        assertThat(given().queryParam("resourceType", "duesReceipt").queryParam("within", branch).get("/api/v1/org-audit").then().statusCode(200)
                .extract().<Integer>path("total")).isEqualTo(3);
    }

    @Test
    void aBranchRecordsItsMonthAllOrNothingAndTheReportsAddUp() {
        today("2025-02-10");
        String street = Api.street("db");
        String community = community(street, "批");
        String branch = branch(community, "批");
        String other = branch(community, "邻");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String member = Api.member(branch, "批量" + i, "FULL");
            salaried(member, 2025, "3000.00");
            members.add(member);
        }
        String neighbour = Api.member(other, "邻居", "FULL");
        salaried(neighbour, 2025, "6000.00");
        String noBase = Api.member(branch, "未定基数", "FULL");
        // item 1 pays a month already... not yet: item 2 starts with a gap, item 3 belongs elsewhere, item 4 has no base
        Map<String, Object> bad = Map.of("unitId", branch, "paidOn", "2025-02-05", "payments", List.of(
                Map.of("memberId", members.get(0), "fromMonth", "2025-01"),
                Map.of("memberId", members.get(1), "fromMonth", "2025-02"),
                Map.of("memberId", neighbour, "fromMonth", "2025-01"),
                Map.of("memberId", noBase, "fromMonth", "2025-01")));
        JsonPath refused = given().contentType("application/json").body(bad).post("/api/v1/dues/payments/batch").then().statusCode(422)
                .extract().jsonPath();
        assertThat(refused.getList("errors.field", String.class)).containsExactly("payments[1].fromMonth", "payments[2].memberId",
                "payments[3].memberId");
        assertThat(dues(members.get(0)).getString("nextMonth")).as("nothing written").isEqualTo("2025-01");
        List<Map<String, Object>> items = new ArrayList<>();
        for (String member : members) {
            items.add(Map.of("memberId", member, "fromMonth", "2025-01", "months", 2));
        }
        JsonPath batch = given().contentType("application/json").body(Map.of("unitId", branch, "paidOn", "2025-02-05", "payments", items))
                .post("/api/v1/dues/payments/batch").then().statusCode(201).extract().jsonPath();
        assertThat(batch.getInt("count")).isEqualTo(3);
        assertThat(batch.getString("totalAmount")).isEqualTo("90.00");
        // the same batch again: every month is paid, 409, nothing written
        given().contentType("application/json").body(Map.of("unitId", branch, "paidOn", "2025-02-05", "payments", items))
                .post("/api/v1/dues/payments/batch").then().statusCode(409).body("errors[0].field", equalTo("payments[0].fromMonth"));
        // the street's February: 4 liable (3 + the neighbour), 3 paid, 45.00 paid of 135.00 owed (3 × 15.00 + 90.00); 90.00 handed in during February
        JsonPath collection = given().queryParam("month", "2025-02").get("/api/v1/dues/units/" + street + "/collection").then().statusCode(200)
                .extract().jsonPath();
        assertThat(collection.getInt("total.liable")).isEqualTo(4);
        assertThat(collection.getInt("total.paid")).isEqualTo(3);
        assertThat(collection.getString("total.collectionRate")).isEqualTo("0.7500");
        assertThat(collection.getString("total.dueAmount")).isEqualTo("135.00");
        assertThat(collection.getString("total.paidDueAmount")).isEqualTo("45.00");
        assertThat(collection.getString("total.receivedAmount")).isEqualTo("90.00");
        assertThat(collection.getList("children.unitId", String.class)).containsExactly(community);
        JsonPath byBranch = given().queryParam("month", "2025-02").get("/api/v1/dues/units/" + community + "/collection").then().statusCode(200)
                .extract().jsonPath();
        assertThat(byBranch.getList("children.liable", Integer.class)).containsExactlyInAnyOrder(3, 1);
        List<Map<String, Object>> series = given().queryParam("from", "2024-12").queryParam("to", "2025-03")
                .get("/api/v1/dues/units/" + street + "/collection/months").then().statusCode(200).extract().path("");
        assertThat(series).extracting(m -> m.get("month")).containsExactly("2024-12", "2025-01", "2025-02", "2025-03");
        assertThat(series).extracting(m -> m.get("liable")).containsExactly(0, 4, 4, 4);
        assertThat(series).extracting(m -> m.get("paid")).containsExactly(0, 3, 3, 0);
        // the roster of the branch's month, and the same as a spreadsheet
        JsonPath roster = given().queryParam("month", "2025-02").queryParam("size", 50).get("/api/v1/dues/units/" + branch + "/roster")
                .then().statusCode(200).extract().jsonPath();
        assertThat(roster.getInt("total")).isEqualTo(4);
        assertThat(roster.getList("items.duesStatus", String.class)).containsExactlyInAnyOrder("PAID", "PAID", "PAID", "NO_BASE");
        byte[] file = given().queryParam("month", "2025-02").get("/api/v1/dues/units/" + branch + "/roster.xlsx").then().statusCode(200)
                .contentType(containsString("spreadsheetml")).extract().asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheet("2025-02");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("批支部").contains("2025年2月");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("姓名");
            List<String> names = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum() - 1; r++) {
                names.add(sheet.getRow(r).getCell(0).getStringCellValue());
                if (!sheet.getRow(r).getCell(0).getStringCellValue().equals("未定基数")) {
                    assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).isEqualTo("PAID");
                    assertThat(sheet.getRow(r).getCell(5).getNumericCellValue()).isEqualTo(15.0);
                }
            }
            assertThat(names).containsExactlyInAnyOrder("批量0", "批量1", "批量2", "未定基数");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(5).getNumericCellValue()).isEqualTo(45.0);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void backPaymentsBeyondSixMonthsNeedAReasonAndSixUnpaidMonthsAreFlagged() {
        today("2025-09-10");
        String community = community(Api.street("df"), "欠");
        String branch = branch(community, "欠");
        String late = Api.member(branch, "久欠", "FULL");
        String excused = Api.member(branch, "病休", "FULL");
        String recent = Api.member(branch, "少欠", "FULL");
        for (String member : List.of(late, excused, recent)) {
            salaried(member, 2025, "2000.00");
        }
        // paid January and February; March to August unpaid: six months
        pay(late, "2025-01", 2, Map.of("paidOn", "2025-02-01", "backPaymentReason", "补录")).then().statusCode(201);
        pay(excused, "2025-01", 2, Map.of("paidOn", "2025-02-01", "backPaymentReason", "补录")).then().statusCode(201);
        pay(recent, "2025-01", 4, Map.of("paidOn", "2025-04-01", "backPaymentReason", "补录")).then().statusCode(201);
        given().contentType("application/json").body(Map.of("fromMonth", "2025-04", "untilMonth", "2025-05", "reason", "住院治疗"))
                .post("/api/v1/dues/members/" + excused + "/excuses").then().statusCode(201).body("reason", equalTo("住院治疗"));
        JsonPath arrears = given().get("/api/v1/dues/units/" + community + "/arrears").then().statusCode(200).extract().jsonPath();
        assertThat(arrears.getInt("total")).isEqualTo(3);
        assertThat(arrears.getList("items.memberId", String.class).subList(0, 2)).containsExactlyInAnyOrder(late, excused);
        Map<String, Map<String, Object>> byMember = new HashMap<>();
        for (Map<String, Object> line : arrears.<Map<String, Object>>getList("items")) {
            byMember.put((String) line.get("memberId"), line);
        }
        assertThat(byMember.get(late)).containsEntry("owedMonths", 6).containsEntry("owedAmount", "60.00").containsEntry("flagged", true);
        assertThat(byMember.get(excused)).containsEntry("owedMonths", 6).containsEntry("unexcusedMonths", 3).containsEntry("flagged", false);
        assertThat(byMember.get(recent)).containsEntry("owedMonths", 4).containsEntry("flagged", false);
        assertThat(given().queryParam("flaggedOnly", true).get("/api/v1/dues/units/" + community + "/arrears").then().statusCode(200)
                .extract().<List<String>>path("items.memberId")).containsExactly(late);
        assertThat(dues(late).getBoolean("flagged")).isTrue();
        // five months are not six
        assertThat(given().queryParam("asOf", "2025-07").queryParam("flaggedOnly", true).get("/api/v1/dues/units/" + community + "/arrears")
                .then().extract().<Integer>path("total")).isZero();
        // paying March back is within six months; a member owing from January needs a reason
        pay(late, "2025-03", 6, Map.of("paidOn", "2025-09-01")).then().statusCode(201);
        assertThat(dues(late).getBoolean("flagged")).isFalse();
        String never = Api.member(branch, "从未交", "FULL");
        salaried(never, 2025, "2000.00");
        pay(never, "2025-01", 3, Map.of("paidOn", "2025-09-01")).then().statusCode(422).body("errors[0].field", equalTo("backPaymentReason"));
        pay(never, "2025-01", 3, Map.of("paidOn", "2025-09-01", "backPaymentReason", "外出务工,返回后补交,支部同意")).then().statusCode(201)
                .body("backPaymentReason", containsString("外出务工"));
    }

    @Test
    void aTransferCarriesThePaidUpMonthAndTheReceivingBranchContinuesFromIt() {
        today("2025-06-10");
        String street = Api.street("dtr");
        String from = branch(community(street, "转出"), "转出");
        String to = branch(community(street, "转入"), "转入");
        String member = Api.member(from, "赵敏", "FULL");
        salaried(member, 2025, "5000.00");
        pay(member, "2025-01", 5, Map.of("paidOn", "2025-05-20")).then().statusCode(201);
        String transfer = given().contentType("application/json").body(Map.of("memberId", member, "toUnitId", to)).post("/api/v1/transfers")
                .then().statusCode(201).extract().path("id");
        given().get("/api/v1/transfers/" + transfer + "/letters/RECEIVING").then().statusCode(200)
                .body(containsString("党费已交至2025年5月")).body(containsString("自2025年6月起收缴"));
        given().get("/api/v1/transfers/" + transfer + "/letters/MEMBER").then().body(containsString("党费已交至2025年5月"));
        given().contentType("application/json").body(Map.of()).post("/api/v1/transfers/" + transfer + "/accept").then().statusCode(200);
        JsonPath after = dues(member);
        assertThat(after.getString("unitId")).isEqualTo(to);
        assertThat(after.getString("paidThrough")).isEqualTo("2025-05");
        assertThat(after.getString("nextMonth")).isEqualTo("2025-06");
        // June is owed in the receiving branch now; the origin keeps the months paid there
        JsonPath june = given().queryParam("month", "2025-06").get("/api/v1/dues/units/" + to + "/collection").then().extract().jsonPath();
        assertThat(june.getInt("total.liable")).isEqualTo(1);
        assertThat(given().queryParam("month", "2025-06").get("/api/v1/dues/units/" + from + "/collection").then().extract()
                .<Integer>path("total.liable")).isZero();
        JsonPath may = given().queryParam("month", "2025-05").get("/api/v1/dues/units/" + from + "/collection").then().extract().jsonPath();
        assertThat(may.getInt("total.liable")).isEqualTo(1);
        assertThat(may.getInt("total.paid")).isEqualTo(1);
        given().contentType("application/json").body(Map.of("unitId", from, "paidOn", "2025-06-05", "payments",
                List.of(Map.of("memberId", member, "fromMonth", "2025-06")))).post("/api/v1/dues/payments/batch").then().statusCode(422)
                .body("errors[0].field", equalTo("payments[0].memberId"));
        given().contentType("application/json").body(Map.of("unitId", to, "paidOn", "2025-06-05", "payments",
                List.of(Map.of("memberId", member, "fromMonth", "2025-06")))).post("/api/v1/dues/payments/batch").then().statusCode(201);
        assertThat(given().queryParam("month", "2025-06").get("/api/v1/dues/units/" + to + "/collection").then().extract()
                .<Integer>path("total.paid")).isEqualTo(1);
        // an exit ends what is owed after the paid-up month
        given().contentType("application/json").body(Map.of("to", "DECEASED", "on", LocalDate.now(org.community.conventions.http.Times.ZONE).toString()))
                .post("/api/v1/members/" + member + "/transitions").then().statusCode(200);
        assertThat(dues(member).getString("closedAfter")).isEqualTo("2025-06");
        assertThat(given().queryParam("month", "2025-07").get("/api/v1/dues/units/" + to + "/collection").then().extract()
                .<Integer>path("total.liable")).isZero();
    }

    @Test
    void aCorrectionIsAReversingEntryNeverAnEdit() {
        today("2025-04-10");
        String branch = branch(community(Api.street("drv"), "冲"), "冲");
        String member = Api.member(branch, "钱进", "FULL");
        salaried(member, 2025, "3000.00");
        String january = pay(member, "2025-01", 1, Map.of("paidOn", "2025-01-10")).then().statusCode(201).extract().path("id");
        String later = pay(member, "2025-02", 2, Map.of("paidOn", "2025-03-10")).then().statusCode(201).extract().path("id");
        // an older payment cannot simply be reversed (months stay settled in order) …
        given().contentType("application/json").body(Map.of("reason", "录错")).post("/api/v1/dues/receipts/" + january + "/reversal")
                .then().statusCode(409);
        // … but it can be reversed and recorded again, here after the base was corrected
        given().contentType("application/json").header("If-Match", "\"1\"").body(Map.of("category", "SALARIED", "income", "3500.00"))
                .put("/api/v1/dues/members/" + member + "/bases/2025").then().statusCode(200);
        List<Map<String, Object>> corrected = given().contentType("application/json").body(Map.of("reason", "基数更正", "rerecord", true))
                .post("/api/v1/dues/receipts/" + january + "/reversal").then().statusCode(201).extract().path("");
        assertThat(corrected).extracting(e -> e.get("kind")).containsExactly("REVERSAL", "PAYMENT");
        assertThat(corrected.get(0).get("totalAmount")).isEqualTo("-15.00");
        assertThat(corrected.get(1).get("totalAmount")).isEqualTo("35.00");
        given().contentType("application/json").body(Map.of("reason", "再次")).post("/api/v1/dues/receipts/" + january + "/reversal")
                .then().statusCode(409);
        // the latest payment may be reversed: its months are unpaid again
        given().contentType("application/json").body(Map.of("reason", "未实际收到")).post("/api/v1/dues/receipts/" + later + "/reversal")
                .then().statusCode(201);
        assertThat(dues(member).getString("nextMonth")).isEqualTo("2025-02");
        List<String> kinds = given().queryParam("memberId", member).get("/api/v1/dues/receipts").then().statusCode(200).extract().path("items.kind");
        // newest first: the reversal of the latest, the re-recorded January, its reversal, the later payment, the first January
        assertThat(kinds).containsExactly("REVERSAL", "PAYMENT", "REVERSAL", "PAYMENT", "PAYMENT");
        JsonPath march = given().queryParam("month", "2025-03").get("/api/v1/dues/units/" + branch + "/collection").then().extract().jsonPath();
        assertThat(march.getInt("total.paid")).isZero();
        // money by the month it changed hands: 15.00 in January, 30.00 in March; in April -15.00 + 35.00 (the correction) - 30.00
        assertThat(march.getString("total.receivedAmount")).isEqualTo("30.00");
        JsonPath january2 = given().queryParam("month", "2025-01").get("/api/v1/dues/units/" + branch + "/collection").then().extract().jsonPath();
        assertThat(january2.getString("total.paidDueAmount")).isEqualTo("35.00");
        assertThat(january2.getString("total.receivedAmount")).isEqualTo("15.00");
        assertThat(given().queryParam("month", "2025-04").get("/api/v1/dues/units/" + branch + "/collection").then().extract()
                .<String>path("total.receivedAmount")).isEqualTo("-10.00");
    }

    @Test
    void aMemberReadsTheirOwnBaseIncomeIncludedOnceTheirAccountIsLinked() {
        String branch = branch(community(Api.street("dm"), "本人"), "本人");
        String member = Api.member(branch, "本人党员", "FULL");
        salaried(member, 2025, "4200.00");
        String account = "self." + member;
        given().auth().oauth2(Tokens.of(account, "RESIDENT")).get("/api/v1/dues/mine").then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("account", account)).put("/api/v1/members/" + member + "/account")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.of(account, "RESIDENT")).get("/api/v1/dues/mine").then().statusCode(200)
                .body("memberId", equalTo(member))
                .body("monthlyAmount", equalTo("42.00"))
                .body("currentBase.incomeVisible", equalTo(true))
                .body("currentBase.income", equalTo("4200.00"));
        // the same resident may not read the member's record through the branch's address
        given().auth().oauth2(Tokens.of(account, "RESIDENT")).get("/api/v1/dues/members/" + member).then().statusCode(403);
    }

    @Test
    void aMobileMemberPaysAtTheStationAndTheOriginSeesItButNotTheIncome() {
        today("2025-05-10");
        String origin = community(Api.street("dmo"), "流出地");
        String originBranch = branch(origin, "流出地");
        String station = community(Api.street("dms"), "流入地");
        String stationBranch = branch(station, "服务站");
        String member = Api.member(originBranch, "孙流动", "FULL");
        salaried(member, 2025, "4500.00");
        String outflow = given().contentType("application/json").body(Map.of("memberId", member, "destinationCity", "深圳", "reason", "务工",
                "leftOn", "2025-01-05")).post("/api/v1/mobile-members").then().statusCode(201).extract().path("id");
        given().contentType("application/json").body(Map.of("stationUnitId", stationBranch, "registeredOn", "2025-01-20"))
                .post("/api/v1/mobile-members/" + outflow + "/registration").then().statusCode(200);
        String stationSecretary = Tokens.of("station-secretary", "COMMUNITY_SECRETARY", station);
        String originSecretary = Tokens.of("origin-secretary", "COMMUNITY_SECRETARY", origin);
        given().auth().oauth2(stationSecretary).contentType("application/json").body(Map.of("memberId", member, "fromMonth", "2025-01",
                "months", 4, "paidOn", "2025-05-02", "collectedAt", stationBranch)).post("/api/v1/dues/payments").then().statusCode(201)
                .body("collectedUnitId", equalTo(stationBranch)).body("unitId", equalTo(originBranch));
        // the station sees the member's dues but not the income; the origin sees both and the payment in its ledger
        given().auth().oauth2(stationSecretary).get("/api/v1/dues/members/" + member).then().statusCode(200)
                .body("paidThrough", equalTo("2025-04")).body("monthlyAmount", equalTo("45.00")).body("currentBase.income", nullValue())
                .body("currentBase.incomeVisible", equalTo(false));
        given().auth().oauth2(originSecretary).get("/api/v1/dues/members/" + member).then().statusCode(200)
                .body("currentBase.income", equalTo("4500.00")).body("currentBase.ratePercent", equalTo("1.0"));
        given().auth().oauth2(originSecretary).queryParam("within", origin).get("/api/v1/dues/receipts").then().statusCode(200)
                .body("items.collectedUnitId", hasItem(stationBranch));
        given().auth().oauth2(stationSecretary).queryParam("within", station).get("/api/v1/dues/receipts").then().statusCode(200)
                .body("total", equalTo(1));
        // the origin counts the paid months, the station the money handed in
        assertThat(given().queryParam("month", "2025-04").get("/api/v1/dues/units/" + origin + "/collection").then().extract()
                .<Integer>path("total.paid")).isEqualTo(1);
        assertThat(given().queryParam("month", "2025-05").get("/api/v1/dues/units/" + station + "/collection").then().extract()
                .<String>path("total.receivedAmount")).isEqualTo("180.00");
        // the station cannot collect a member who is not registered there
        String stranger = Api.member(originBranch, "外人", "FULL");
        salaried(stranger, 2025, "4500.00");
        given().auth().oauth2(stationSecretary).contentType("application/json").body(Map.of("memberId", stranger, "fromMonth", "2025-01",
                "collectedAt", stationBranch)).post("/api/v1/dues/payments").then().statusCode(422).body("errors[0].field", equalTo("memberId"));
    }

    @Test
    void theHalfYearsMoneyIsRemittedOnce() {
        today("2025-07-15");
        String community = community(Api.street("drm"), "上缴");
        String branch = branch(community, "上缴");
        String member = Api.member(branch, "周上", "FULL");
        salaried(member, 2025, "8000.00");
        pay(member, "2025-01", 6, Map.of("paidOn", "2025-06-20", "extra", "20.00")).then().statusCode(201);
        given().queryParam("half", "2025-H1").get("/api/v1/dues/units/" + community + "/remittance").then().statusCode(200)
                .body("receivedAmount", equalTo("740.00")).body("remittedAmount", nullValue()).body("outstandingAmount", equalTo("740.00"));
        Map<String, Object> remit = Map.of("unitId", community, "half", "2025-H1", "amount", "740.00", "remittedOn", "2025-07-10",
                "toOrganization", "街道党工委");
        given().contentType("application/json").body(remit).post("/api/v1/dues/remittances").then().statusCode(201)
                .body("remittedAmount", equalTo("740.00")).body("outstandingAmount", equalTo("0.00"));
        given().contentType("application/json").body(remit).post("/api/v1/dues/remittances").then().statusCode(409);
        given().contentType("application/json").body(Map.of("unitId", community, "half", "2025-H2", "amount", "1.00", "remittedOn", "2025-07-10",
                "toOrganization", "街道党工委")).post("/api/v1/dues/remittances").then().statusCode(422).body("errors[0].field", equalTo("half"));
    }

    @Test
    void aMovedSubtreeTakesItsFiguresToTheNewAncestors() {
        today("2025-03-10");
        String street = Api.street("dmv");
        String first = community(street, "原");
        String second = community(street, "新");
        String grid = Api.unit(Api.unique("DG"), "网格", "GRID", null, first);
        String branch = branch(grid, "移");
        String member = Api.member(branch, "吴移", "FULL");
        salaried(member, 2025, "3000.00");
        pay(member, "2025-01", 2, Map.of("paidOn", "2025-02-10")).then().statusCode(201);
        String etag = Api.etag("/api/v1/org-units/" + grid);
        given().contentType("application/json").header("If-Match", etag).body(Map.of("newParentId", second))
                .post("/api/v1/org-units/" + grid + "/move").then().statusCode(200);
        assertThat(given().queryParam("month", "2025-02").get("/api/v1/dues/units/" + first + "/collection").then().extract()
                .<Integer>path("total.liable")).isZero();
        JsonPath moved = given().queryParam("month", "2025-02").get("/api/v1/dues/units/" + second + "/collection").then().extract().jsonPath();
        assertThat(moved.getInt("total.liable")).isEqualTo(1);
        assertThat(moved.getInt("total.paid")).isEqualTo(1);
        assertThat(given().queryParam("month", "2025-02").get("/api/v1/dues/units/" + street + "/collection").then().extract()
                .<Integer>path("total.paid")).isEqualTo(1);
    }
}
