package org.community.consultation.vote;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.community.consultation.support.Api;
import org.community.consultation.support.Downstreams;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The ballot queue is bounded: a cast beyond it is refused at once with 503 and Retry-After, and nothing is lost. */
@QuarkusTest
@QuarkusTestResource(Downstreams.class)
@TestProfile(BallotQueueTest.OneCastOneWaiting.class)
class BallotQueueTest {

    /** One cast at a time and one waiting, so that three casts at once fill the queue. */
    public static class OneCastOneWaiting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("org.community.consultation.vote.BallotCasting/cast/Bulkhead/value", "1",
                    "org.community.consultation.vote.BallotCasting/cast/Bulkhead/waitingTaskQueue", "1",
                    "consultation.votes.cast-retry-after", "3s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aCastBeyondTheQueueIs503WithRetryAfterAndTheOthersAreCounted() throws Exception {
        String topic = Api.topic("排队测试", "PARKING", Downstreams.BUILDING);
        Api.moveOk(topic, "JOINT_REVIEW");
        Api.moveOk(topic, "PUBLIC_DELIBERATION");
        String roll = "[{\"unitId\":\"3-1-101\",\"ownerName\":\"甲\",\"building\":\"3\",\"areaM2\":100},"
                + "{\"unitId\":\"3-1-102\",\"ownerName\":\"乙\",\"building\":\"3\",\"areaM2\":100},"
                + "{\"unitId\":\"3-1-103\",\"ownerName\":\"丙\",\"building\":\"3\",\"areaM2\":100}]";
        String vote = Api.vote(topic, "OWNERS_ORDINARY", "OWNERS_ORDINARY", 300, roll);
        Api.open(vote);

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<CompletableFuture<Response>> casts = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            // hold the vote's row lock, as a long cast would: the running cast waits on it, the next one queues
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select id from vote where id = ? for update")) {
                lock.setObject(1, UUID.fromString(vote));
                lock.executeQuery();
            }
            for (int unit = 101; unit <= 103; unit++) {
                String body = "{\"unitId\":\"3-1-" + unit + "\",\"choice\":\"YES\"}";
                casts.add(CompletableFuture.supplyAsync(() -> Api.ballot(vote, body).response(), pool));
            }
            // the third cast finds one running and one waiting: refused at once, while the lock is still held
            Response refused = (Response) CompletableFuture.anyOf(casts.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            refused.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "3")
                    .body("status", equalTo(503)).body("detail", containsString("3"));
            assertFalse(casts.stream().allMatch(CompletableFuture::isDone), "the two accepted casts wait for the lock");
            holder.rollback();
        }
        int created = 0;
        for (CompletableFuture<Response> cast : casts) {
            if (cast.get(20, TimeUnit.SECONDS).statusCode() == 201) {
                created++;
            }
        }
        pool.shutdown();
        assertEquals(2, created);
        // the refused owner sends the ballot again and it counts
        for (int unit = 101; unit <= 103; unit++) {
            Api.ballot(vote, "{\"unitId\":\"3-1-" + unit + "\",\"choice\":\"YES\"}");
        }
        given().get("/api/v1/votes/" + vote + "/tally").then().body("ballots.total", equalTo(3));
    }
}
