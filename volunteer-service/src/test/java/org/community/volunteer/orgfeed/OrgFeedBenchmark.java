package org.community.volunteer.orgfeed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.orgfeed.OrgFeedConsumer;
import org.community.conventions.testing.Tokens;
import org.community.conventions.testing.orgfeed.FakeOrgFeed;
import org.community.conventions.testing.orgfeed.FeedBenchmark;
import org.community.volunteer.FakeOrgService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * ./mvnw -B -f volunteer-service/pom.xml verify -Pbenchmark -Dtest=OrgFeedBenchmark : the figures of BENCHMARK.md
 * "Following org-service's tree". A community of 50 buildings with 10,000 volunteers, 100,000 verified service records
 * (and their roll-ups), 500 activities, 50 teams and 20,000 audit entries moves between two streets through the stand-in
 * org-service's feed, six times; meanwhile a reader keeps reading a volunteer of the community and its stats. Then the
 * consumer, stopped, catches up on 100,000 events.
 */
@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
@TestProfile(FeedBenchmark.Profile.class)
@Tag("benchmark")
class OrgFeedBenchmark {

    static final int BUILDINGS = 50;
    static final int VOLUNTEERS = 10_000;
    static final int RECORDS = 100_000;
    static final int MOVES = 6;
    static final int EVENTS = 100_000;

    @Inject
    OrgFeedConsumer consumer;

    @Inject
    Db db;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private void awaitApplied(long seq) {
        FeedBenchmark.awaitApplied(consumer::cursor, consumer::lastError, seq);
    }

    private String pathOf(UUID unit) {
        return db.one("select path from org_unit_snapshot where id = ?", row -> row.getString(1), unit).orElseThrow();
    }

    private int get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String body(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void moveACommunityAndCatchUp() throws Exception {
        UUID street2 = FakeOrgService.newUnit("第二街道", "STREET", FakeOrgService.DISTRICT);
        UUID community = FakeOrgService.newCommunity("大社区");
        List<UUID> buildings = new ArrayList<>();
        FakeOrgFeed.created(street2);
        FakeOrgFeed.created(community);
        for (int i = 0; i < BUILDINGS; i++) {
            UUID building = FakeOrgService.newUnit("大社区 " + i + " 栋", "BUILDING", community);
            buildings.add(building);
            FakeOrgFeed.created(building);
        }
        awaitApplied(FakeOrgFeed.latest());
        long seeding = System.nanoTime();
        seed(community);
        System.out.printf("seeded %,d volunteers, %,d service records in %,d ms%n", VOLUNTEERS, RECORDS, (System.nanoTime() - seeding) / 1_000_000);
        UUID someone = db.one("select id from volunteer where org_path >= ? and org_path < ? limit 1", row -> Db.uuid(row, "id"),
                pathOf(community), pathOf(community) + "~").orElseThrow();
        String admin = Tokens.cityAdmin();

        // a reader reading the moving community's data all along
        FeedBenchmark.Reader reader = FeedBenchmark.Reader.start(i -> i % 2 == 0 ? get("/api/v1/volunteers/" + someone, admin)
                : get("/api/v1/volunteers/stats?orgUnitId=" + community, admin));
        UUID[] streets = { street2, FakeOrgService.STREET };
        // the API answers with the new paths: every volunteer listed under the new street
        FeedBenchmark.Moves moves = FeedBenchmark.moves(MOVES, m -> FakeOrgFeed.move(community, streets[m % 2]), this::awaitApplied,
                m -> body("/api/v1/volunteers?orgUnitId=" + streets[m % 2] + "&size=1", admin).contains("\"total\":" + VOLUNTEERS));
        reader.stop();
        assertEquals(RECORDS, db.count("select count(*) from service_record r join activity a on a.id = r.activity_id"
                + " where a.org_path >= ? and a.org_path < ?", pathOf(FakeOrgService.STREET),
                pathOf(FakeOrgService.STREET) + "~"));
        assertEquals(db.count("select sum(verified_minutes) from service_record"), db.count("select sum(minutes) from unit_year_hours"));

        FeedBenchmark.report(String.format("%,d volunteers + %,d service records", VOLUNTEERS, RECORDS), "API lists all under the new street",
                moves, reader);

        // catch-up: 100,000 events while the consumer was stopped
        UUID churned = FakeOrgService.newCommunity("新建社区");
        awaitApplied(FakeOrgFeed.created(churned));
        FeedBenchmark.catchUp(consumer::stop, consumer::start, consumer::cursor, () -> FakeOrgFeed.churn(churned, EVENTS), this::awaitApplied);
        assertEquals(EVENTS / 4, db.count("select count(*) from org_unit_snapshot where parent_id = ?", churned));
    }

    private void seed(UUID community) {
        String buildings = "with b as (select id, name, path, community_path, (row_number() over (order by id) - 1)::int n from org_unit_snapshot"
                + " where parent_id = '" + community + "')";
        db.update(buildings + " insert into volunteer (id, name, phone, verification_status, org_unit_id, org_unit_name, org_path, verified_minutes,"
                + " star_level, version, created_at, updated_at) select gen_random_uuid(), '志愿者' || g, '135' || lpad(g::text, 8, '0'),"
                + " 'VERIFIED', b.id, b.name, b.path, 600, 1, 1, now(), now() from generate_series(0, " + (VOLUNTEERS - 1) + ") g join b on b.n = g % "
                + BUILDINGS);
        db.update(buildings + " insert into team (id, name, org_unit_id, org_unit_name, org_path, community_path, category, leader_id, status, version,"
                + " created_at, updated_at) select gen_random_uuid(), b.name || '服务队', b.id, b.name, b.path, b.community_path, 'ELDER_CARE',"
                + " (select id from volunteer v where v.org_path = b.path limit 1), 'ACTIVE', 1, now(), now() from b");
        db.update("insert into activity (id, team_id, org_path, title, category, place, starts_at, ends_at, capacity, status, checkin_code, version,"
                + " created_at, updated_at) select gen_random_uuid(), t.id, t.org_path, '值守 ' || g, 'ELDER_CARE', '活动室', now() - interval '1 day',"
                + " now() - interval '1 day' + interval '2 hours', 50, 'OPEN', '123456', 1, now(), now() from team t cross join generate_series(1, 10) g"
                + " where t.org_unit_id in (select id from org_unit_snapshot where parent_id = ?)", community);
        db.update("with v as (select id, org_path, (row_number() over (order by id) - 1)::int n from volunteer),"
                + " a as (select id, team_id, org_path, starts_at, (row_number() over (order by id) - 1)::int n from activity)"
                + " insert into service_record (id, activity_id, volunteer_id, team_id, status, checked_in_at, checked_out_at, check_in_method,"
                + " minutes, verified_minutes, version, created_at) select gen_random_uuid(), a.id, v.id, a.team_id, 'VERIFIED', a.starts_at,"
                + " a.starts_at + interval '1 hour', 'LEADER', 60, 60, 1, now() from generate_series(0, " + (RECORDS - 1) + ") g"
                + " join v on v.n = g % " + VOLUNTEERS + " join a on a.n = ((g % " + VOLUNTEERS + ") % " + BUILDINGS + ") * 10 + g / " + VOLUNTEERS);
        db.update("insert into unit_year_hours (org_path, year, minutes, records) select a.org_path, extract(year from r.checked_in_at at time zone"
                + " 'Asia/Shanghai')::int, sum(r.verified_minutes), count(*) from service_record r join activity a on a.id = r.activity_id group by 1, 2");
        db.update("insert into volunteer_year_hours (volunteer_id, year, org_path, minutes) select r.volunteer_id, extract(year from r.checked_in_at"
                + " at time zone 'Asia/Shanghai')::int, v.org_path, sum(r.verified_minutes) from service_record r join volunteer v on v.id = r.volunteer_id"
                + " group by 1, 2, 3");
        db.update("insert into audit_entry (id, occurred_at, actor, action, resource_type, resource_id, org_unit_id, summary) select gen_random_uuid(),"
                + " now(), 'seed', 'volunteer.register', 'volunteer', id::text, org_unit_id, '{}'::jsonb from volunteer cross join generate_series(1, 2)");
        db.update("analyze");
    }
}
