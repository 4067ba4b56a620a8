package org.community.org.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.testing.Tokens;
import org.community.org.support.Api;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * How fast the change feed serves a consumer catching up on 100,000 events: pages of 500 and of 1,000 read one after
 * the other over HTTP (JDK HttpClient, the whole answer parsed as a consumer would), as a SERVICE account.
 * {@code ./mvnw -B -pl org-service verify -Pbenchmark -Dtest=FeedBenchmark}; the report is BENCHMARK.md "Change feed".
 */
@QuarkusTest
@Tag("benchmark")
class FeedBenchmark {

    private static final int EVENTS = Integer.getInteger("benchmark.feed.events", 100_000);

    @Inject
    Db db;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void catchingUpOnOneHundredThousandEvents() throws Exception {
        // the events of real units (their data as the outbox writes it), written at once as a backlog
        String street = Api.street("feed-bench");
        List<String> units = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            units.add(Api.unit(Api.unique("FB"), "基准社区" + i, "COMMUNITY", "COMMITTEE", street));
        }
        long start = db.count("select coalesce(max(seq), 0) from org_change");
        long began = System.nanoTime();
        db.update("insert into org_change (seq, type, unit_id, time, data)"
                + " select nextval('org_change_seq'), 'org-unit.changed', u.id, now(), org_unit_feed_data(u.id, null)"
                + " from generate_series(1, ?) g join org_unit u on u.id = (?::uuid[])[1 + g % ?] order by g",
                EVENTS, units.toArray(String[]::new), units.size());
        double writeSeconds = (System.nanoTime() - began) / 1e9;
        db.update("analyze org_change");

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Backlog: %,d events written in one statement in %.1f s.%n", EVENTS, writeSeconds));
        report.append("| page size | pages | events | total | events/s | page p50 | page p99 | bytes/page |\n");
        report.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        String token = Tokens.of("service-account-benchmark", "SERVICE");
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        read(http, json, token, start, 1000); // warm-up
        for (int limit : new int[] { 500, 1000 }) {
            report.append(read(http, json, token, start, limit));
        }
        System.out.println("\n==== Change feed benchmark ====\n" + report);
    }

    private String read(HttpClient http, ObjectMapper json, String token, long start, int limit) throws Exception {
        List<Long> pageNanos = new ArrayList<>();
        long cursor = start;
        long events = 0;
        long bytes = 0;
        long began = System.nanoTime();
        while (true) {
            long t = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/org-units/changes?after=" + cursor + "&limit=" + limit)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new AssertionError("HTTP " + answer.statusCode() + ": " + new String(answer.body()));
            }
            JsonNode page = json.readTree(answer.body());
            pageNanos.add(System.nanoTime() - t);
            int items = page.get("items").size();
            if (items == 0) {
                break;
            }
            events += items;
            bytes += answer.body().length;
            cursor = page.get("next").asLong();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        if (events < EVENTS) {
            throw new AssertionError("read " + events + " events, expected at least " + EVENTS);
        }
        Collections.sort(pageNanos);
        int pages = pageNanos.size() - 1;
        return String.format(Locale.ROOT, "| %d | %,d | %,d | %.1f s | %,.0f | %.1f ms | %.1f ms | %,d |%n", limit, pages, events, seconds,
                events / seconds, pageNanos.get(pageNanos.size() / 2) / 1e6, pageNanos.get((int) (pageNanos.size() * 0.99)) / 1e6,
                bytes / Math.max(1, pages));
    }
}
