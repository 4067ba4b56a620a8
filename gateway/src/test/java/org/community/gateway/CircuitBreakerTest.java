package org.community.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.community.conventions.testing.TestClock;
import org.community.gateway.FakeDownstreams.Flaky;
import org.community.gateway.proxy.Routes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The breaker's policy: a failure ratio over the last calls, after a minimum number of calls, and exactly
 * one probe when half-open. POST is used so the proxy does not retry and every call is one outcome.
 */
@QuarkusTest
@QuarkusTestResource(FakeDownstreams.class)
class CircuitBreakerTest {

    @Inject
    Routes routes;

    @Inject
    TestClock clock;

    String token;

    @BeforeEach
    void setUp() {
        token = Tokens.gridWorker();
        Flaky.mode = Flaky.Mode.OK;
        Flaky.HITS.set(0);
        routes.forResource("flaky-things").breaker().reset();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void occasionalFailuresBelowTheRatioNeverOpenIt() {
        Flaky.mode = Flaky.Mode.CUT_ONE_IN_THREE;
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            statuses.add(post().statusCode());
        }
        assertThat(statuses).containsOnly(200, 502);
        assertThat(statuses.stream().filter(s -> s == 502).count()).isEqualTo(20);
        assertThat(Flaky.HITS.get()).isEqualTo(60);
    }

    @Test
    void opensOnlyOnceTheMinimumNumberOfCallsFailedThenOneProbeDecides() throws Exception {
        Flaky.mode = Flaky.Mode.CUT;
        for (int i = 0; i < 9; i++) {
            post().then().statusCode(502);
        }
        // the tenth failure makes the minimum number of calls: now the ratio (100 %) opens the circuit
        post().then().statusCode(502);
        Response refused = post();
        refused.then().statusCode(503).header("Retry-After", "5").contentType("application/problem+json");
        assertThat(Flaky.HITS.get()).isEqualTo(10);

        // half-open: of eight concurrent callers exactly one is let through
        Flaky.mode = Flaky.Mode.SLOW_OK;
        clock.advance(Duration.ofSeconds(6));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit((Callable<Integer>) () -> post().statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(Flaky.HITS.get()).isEqualTo(11);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 503).count()).isEqualTo(7);

        // the probe succeeded: closed again
        Flaky.mode = Flaky.Mode.OK;
        post().then().statusCode(200);
        post().then().statusCode(200);
    }

    @Test
    void aFailedProbeOpensItAgain() {
        Flaky.mode = Flaky.Mode.CUT;
        for (int i = 0; i < 10; i++) {
            post();
        }
        post().then().statusCode(503);
        clock.advance(Duration.ofSeconds(6));
        post().then().statusCode(502); // the probe
        post().then().statusCode(503);
        assertThat(Flaky.HITS.get()).isEqualTo(11);
    }

    private Response post() {
        return given().auth().oauth2(token).post("/api/v1/flaky-things/1/actions");
    }
}
