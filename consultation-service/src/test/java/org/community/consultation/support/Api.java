package org.community.consultation.support;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Small helpers that walk a topic through its stages over HTTP, as a client would. */
public final class Api {

    private Api() {
    }

    public static String topic(String title, String category, UUID scope) {
        return given().contentType("application/json")
                .body("{\"title\":\"" + title + "\",\"description\":\"说明\",\"category\":\"" + category + "\",\"scopeUnitId\":\"" + scope
                        + "\",\"proposer\":\"张建国\"}")
                .post("/api/v1/topics").then().statusCode(201).extract().path("id");
    }

    public static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    public static ExtractableResponse<Response> move(String topicId, String to) {
        return given().contentType("application/json").header("If-Match", etag("/api/v1/topics/" + topicId))
                .body("{\"to\":\"" + to + "\",\"actor\":\"社区治理委员会\",\"reason\":\"按程序推进\"}")
                .post("/api/v1/topics/" + topicId + "/transitions").then().extract();
    }

    public static void moveOk(String topicId, String to) {
        ExtractableResponse<Response> r = move(topicId, to);
        if (r.statusCode() != 200) {
            throw new AssertionError("move to " + to + " gave " + r.statusCode() + ": " + r.body().asString());
        }
    }

    /** A vote in DRAFT on the topic; the window opens a second ago and closes after {@code seconds}. */
    public static String vote(String topicId, String matter, String rule, long seconds, String electorsJson) {
        return given().contentType("application/json")
                .body("{\"topicId\":\"" + topicId + "\",\"title\":\"表决\",\"question\":\"是否同意\",\"matter\":\"" + matter + "\",\"rule\":\"" + rule
                        + "\",\"opensAt\":\"" + OffsetDateTime.now().minusSeconds(1) + "\",\"closesAt\":\""
                        + OffsetDateTime.now().plusSeconds(seconds) + "\",\"createdBy\":\"业委会\""
                        + (electorsJson == null ? "" : ",\"electors\":" + electorsJson) + "}")
                .post("/api/v1/votes").then().statusCode(201).extract().path("id");
    }

    public static void open(String voteId) {
        given().header("If-Match", etag("/api/v1/votes/" + voteId)).post("/api/v1/votes/" + voteId + "/open").then().statusCode(200);
    }

    public static ExtractableResponse<Response> ballot(String voteId, String body) {
        return given().contentType("application/json").body(body).post("/api/v1/votes/" + voteId + "/ballots").then().extract();
    }
}
