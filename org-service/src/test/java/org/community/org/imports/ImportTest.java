package org.community.org.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ImportTest {

    @Test
    void aCsvFileImportsUnitsAndHouseholdsWithTheirFigures() {
        String p = Api.unique("imp");
        StringBuilder csv = new StringBuilder("type,code,parent_code,name,level,form,leader_name,building_code,entrance,room,residents\n");
        csv.append("household,,,,,,,").append(p).append("-B2,1,101,3\n"); // before its building: fine
        csv.append("unit,").append(p).append("-CITY,,合肥市,CITY,COMMITTEE,李书记,,,,\n");
        csv.append("unit,").append(p).append("-D,").append(p).append("-CITY,包河区,DISTRICT,COMMITTEE,王书记,,,,\n");
        csv.append("unit,").append(p).append("-S,").append(p).append("-D,滨湖世纪城街道,STREET,COMMITTEE,赵书记,,,,\n");
        csv.append("unit,").append(p).append("-COM,").append(p).append("-S,滨湖世纪社区,COMMUNITY,COMMITTEE,刘书记,,,,\n");
        csv.append("unit,").append(p).append("-G,").append(p).append("-COM,第一网格,GRID,GENERAL_BRANCH,陈书记,,,,\n");
        csv.append("unit,").append(p).append("-P,").append(p).append("-G,\"融科城, 一期\",COMPOUND,BRANCH,,,,,\n");
        csv.append("unit,").append(p).append("-B1,").append(p).append("-P,1栋,BUILDING,GROUP,组长甲,,,,\n");
        csv.append("unit,").append(p).append("-B2,").append(p).append("-P,2栋,BUILDING,,,,,,\n");
        csv.append("household,,,,,,,").append(p).append("-B1,1,101,2\n");
        csv.append("household,,,,,,,").append(p).append("-B1,1,102,4\n");

        JsonPath done = runImport("text/csv; charset=UTF-8", csv.toString());
        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getLong("unitsCreated")).isEqualTo(8);
        assertThat(done.getLong("householdsCreated")).isEqualTo(3);
        assertThat(done.getLong("rowsDone")).isEqualTo(done.getLong("totalRows")).isEqualTo(11);

        String city = given().get("/api/v1/org-units?code=" + p + "-CITY").then().extract().path("items[0].id");
        JsonPath stats = Api.stats(city);
        assertThat(stats.getInt("units.total")).isEqualTo(7);
        assertThat(stats.getInt("units.byLevel.BUILDING")).isEqualTo(2);
        assertThat(stats.getInt("households")).isEqualTo(3);
        assertThat(stats.getInt("residents")).isEqualTo(9);
        assertThat(stats.getInt("coverage.uncoveredBuildings")).isEqualTo(1);
        // an imported leader_name is a display text and records no post: all six organizations below the city are leaderless
        assertThat(stats.getInt("coverage.leaderlessUnits")).isEqualTo(6);
        String compound = given().get("/api/v1/org-units?code=" + p + "-P").then().extract().path("items[0].id");
        given().get("/api/v1/households?unitId=" + compound + "&room=101&size=5")
                .then().body("total", equalTo(2)).body("items[0].address.compound", equalTo("融科城, 一期"));
    }

    @Test
    void aFileWithBadRowsReportsEveryLineAndWritesNothing() {
        String p = Api.unique("bad");
        String street = Api.street(p);
        String streetCode = given().get("/api/v1/org-units/" + street).then().extract().path("code");
        String ndjson = String.join("\n",
                "{\"type\":\"unit\",\"code\":\"" + p + "-C\",\"parentCode\":\"" + streetCode + "\",\"name\":\"社区\",\"level\":\"COMMUNITY\"}",
                "{\"type\":\"unit\",\"code\":\"" + p + "-X\",\"parentCode\":\"" + p + "-C\",\"name\":\"楼\",\"level\":\"STREET\"}",
                "{\"type\":\"unit\",\"code\":\"" + p + "-C\",\"parentCode\":\"" + streetCode + "\",\"name\":\"重复\",\"level\":\"COMMUNITY\"}",
                "{\"type\":\"household\",\"buildingCode\":\"nowhere\",\"room\":\"1\",\"residentsCount\":2}",
                "{\"type\":\"household\",\"buildingCode\":\"" + p + "-C\",\"room\":\"1\",\"residentsCount\":\"many\"}",
                "not json",
                "{\"type\":\"unit\",\"code\":\"" + p + "-G\",\"parentCode\":\"" + p + "-C\",\"name\":\"网格\",\"level\":\"GRID\"}");
        JsonPath done = runImport("application/x-ndjson", ndjson);
        assertThat(done.getString("status")).isEqualTo("FAILED");
        assertThat(done.getList("errors.line", Integer.class)).containsExactlyInAnyOrder(2, 3, 4, 5, 6);
        assertThat(done.getString("errors.find { it.line == 2 }.field")).isEqualTo("level");
        assertThat(done.getString("errors.find { it.line == 4 }.field")).isEqualTo("buildingCode");
        assertThat(done.getString("errors.find { it.line == 5 }.field")).isEqualTo("residentsCount");
        given().get("/api/v1/org-units?code=" + p + "-C").then().body("total", equalTo(0));
        assertThat(Api.stats(street).getInt("units.total")).isZero();
    }

    @Test
    void aCodeAlreadyStoredIsReportedByLineAndTheRetryWithTheSameKeyIsTheSameImport() {
        String p = Api.unique("dup");
        String street = Api.street(p);
        String streetCode = given().get("/api/v1/org-units/" + street).then().extract().path("code");
        String csv = "type,code,parent_code,name,level\n"
                + "unit," + p + "-A," + streetCode + ",社区甲,COMMUNITY\n"
                + "unit," + streetCode + "," + p + "-A,网格,GRID\n";
        JsonPath done = runImport("text/csv; charset=UTF-8", csv);
        assertThat(done.getString("status")).isEqualTo("FAILED");
        assertThat(done.getInt("errors[0].line")).isEqualTo(3);
        assertThat(done.getString("errors[0].field")).isEqualTo("code");
        assertThat(Api.stats(street).getInt("units.total")).isZero();

        String good = "type,code,parent_code,name,level\nunit," + p + "-B," + streetCode + ",社区乙,COMMUNITY\n";
        String key = Api.unique("import");
        String first = given().contentType("text/csv; charset=UTF-8").header("Idempotency-Key", key).body(good)
                .post("/api/v1/imports").then().statusCode(202).extract().path("id");
        waitFor(first);
        given().contentType("text/csv; charset=UTF-8").header("Idempotency-Key", key).body(good)
                .post("/api/v1/imports").then().statusCode(200).body("id", equalTo(first));
        given().contentType("text/csv; charset=UTF-8").header("Idempotency-Key", key).body(good + "unit,other," + streetCode + ",x,COMMUNITY\n")
                .post("/api/v1/imports").then().statusCode(422);
        assertThat(Api.stats(street).getInt("units.byLevel.COMMUNITY")).isEqualTo(1);

        given().contentType("application/json").body("{}").post("/api/v1/imports").then().statusCode(415);
        given().contentType("text/csv; charset=UTF-8").body("type,code\n").post("/api/v1/imports").then().statusCode(400);
        // a spreadsheet's GBK export reads right when the charset is named
        String gbk = "type,code,parent_code,name,level\nunit," + p + "-GBK," + streetCode + ",草厂社区,COMMUNITY\n";
        JsonPath imported = runImport("text/csv; charset=GBK", gbk.getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThat(imported.getString("status")).isEqualTo("SUCCEEDED");
        given().get("/api/v1/org-units?code=" + p + "-GBK").then().body("items[0].name", equalTo("草厂社区"));
    }

    static JsonPath runImport(String contentType, Object body) {
        byte[] bytes = body instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8) : (byte[]) body;
        String id = given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .encodeContentTypeAs("application/x-ndjson", ContentType.BINARY)
                        .encodeContentTypeAs("text/csv", ContentType.BINARY)))
                .contentType(contentType).body(bytes)
                .post("/api/v1/imports")
                .then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/v1/imports/"))
                .extract().path("id");
        return waitFor(id);
    }

    static JsonPath waitFor(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = given().get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("import " + id + " did not finish");
    }
}
