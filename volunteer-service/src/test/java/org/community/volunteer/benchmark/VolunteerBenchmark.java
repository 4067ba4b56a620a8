package org.community.volunteer.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.community.volunteer.FakeOrgService;
import org.community.volunteer.Fixtures;
import org.community.volunteer.volunteer.Stars;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The city-size benchmark (not a test; run with {@code -Pbenchmark}, see BENCHMARK.md). Generates with SQL
 * {@code generate_series}: 1 city, 10 districts, 100 streets, 1,000 communities, 10,000 buildings;
 * 1,000,000 volunteers (1,000 per community), 10,000 teams, 100,000 activities and 10,000,000 service
 * records (90 % verified), with the roll-ups computed from the records by SQL. Then measures over HTTP the
 * leaderboard and stats of random communities, and 200 concurrent check-ins for one activity.
 * {@code -Dbenchmark.scale=0.1} generates a tenth of everything.
 */
@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
@Tag("benchmark")
class VolunteerBenchmark {

    /** The benchmark acts as CITY_ADMIN (every /api/v1 call needs a token since issue 5). */
    String bearer;

    @org.junit.jupiter.api.BeforeEach
    void token() {
        org.community.conventions.testing.Tokens.useCityAdminByDefault();
        bearer = "Bearer " + org.community.conventions.testing.Tokens.cityAdmin();
    }

    static final int COMMUNITIES = 1000;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void cityScale() throws Exception {
        double scale = Double.parseDouble(System.getProperty("benchmark.scale", "1"));
        long volunteers = Math.round(1_000_000 * scale);
        long records = volunteers * 10;
        long perCommunity = volunteers / COMMUNITIES;
        System.out.printf("%n==== volunteer-service benchmark: %,d volunteers, %,d service records ====%n", volunteers, records);
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("set maintenance_work_mem = '512MB'");
            s.execute("set work_mem = '256MB'");
            // the generated rows carry their final paths; the per-row trigger that makes a service write follow a
            // concurrent move (V3__org_feed.sql) would add 11 million plpgsql calls, so the generator skips it as the
            // feed's own bulk re-pathing does
            s.execute("set org_feed.applying = 'on'");
            // ids: '0000000K-0000-7000-8000-' + 12 hex digits of n, K the kind (1 city … 9 record); paths come from a
            // small table of community paths joined by number, so no function runs per generated row
            s.execute("create temp table cp as select cm, '/' || " + id(1, "0") + " || '/' || " + id(2, "((cm - 1) / 100 + 1)")
                    + " || '/' || " + id(3, "((cm - 1) / 10 + 1)") + " || '/' || " + id(4, "cm") + " || '/' as path"
                    + " from generate_series(1, " + COMMUNITIES + ") cm");
            s.execute("alter table cp add primary key (cm)");
            step(s, "org unit snapshots", "insert into org_unit_snapshot (id, name, level, path, community_path, fetched_at)"
                    + " select " + id(1, "0") + "::uuid, '基准市', 'CITY', '/' || " + id(1, "0") + " || '/', null, now()"
                    + " union all select distinct " + id(3, "((cm - 1) / 10 + 1)") + "::uuid, '街道' || ((cm - 1) / 10 + 1), 'STREET',"
                    + "   substr(path, 1, 3 * 37 + 1), null, now() from cp"
                    + " union all select " + id(4, "cm") + "::uuid, '社区' || cm, 'COMMUNITY', path, path, now() from cp"
                    + " union all select " + id(5, "((cm - 1) * 10 + k)") + "::uuid, '楼栋' || ((cm - 1) * 10 + k), 'BUILDING',"
                    + "   path || " + id(5, "((cm - 1) * 10 + k)") + " || '/', path, now() from cp, generate_series(1, 10) k");
            // volunteer v lives in community v % 1000 + 1, in building (v / 1000) % 10 + 1 of it
            step(s, "volunteers", "insert into volunteer (id, name, phone, skills, verification_status, org_unit_id, org_unit_name, org_path,"
                    + " verified_minutes, star_level, version, created_at, updated_at)"
                    + " select " + id(6, "v") + "::uuid, '志愿者' || v, '1' || lpad(v::text, 10, '0'), '{}', 'VERIFIED',"
                    + " " + id(5, "b") + "::uuid, '楼栋' || b, cp.path || " + id(5, "b") + " || '/', 0, 0, 1, now(), now()"
                    + " from (select v, v % 1000 + 1 as cm, (v % 1000) * 10 + (v / 1000) % 10 + 1 as b"
                    + "   from generate_series(0, " + (volunteers - 1) + ") v) x join cp using (cm)");
            step(s, "teams", "insert into team (id, name, org_unit_id, org_unit_name, org_path, community_path, category, leader_id, status,"
                    + " version, created_at, updated_at) select " + id(7, "t") + "::uuid, '服务队' || t, " + id(4, "(t / 10 + 1)") + "::uuid,"
                    + " '社区' || (t / 10 + 1), cp.path, cp.path, (array['ELDER_CARE','SAFETY','FACILITIES','CHILD_CARE'])[t % 4 + 1],"
                    + " " + id(6, "(t / 10)") + "::uuid, 'ACTIVE', 1, now(), now()"
                    + " from generate_series(0, " + (COMMUNITIES * 10 - 1) + ") t join cp on cp.cm = t / 10 + 1");
            step(s, "activities", "insert into activity (id, team_id, org_path, title, category, place, starts_at, ends_at, capacity, status,"
                    + " checkin_code, version, created_at, updated_at) select " + id(8, "a") + "::uuid, " + id(7, "(a / 10)") + "::uuid, cp.path,"
                    + " '活动' || a, 'ELDER_CARE', '活动中心', now() - make_interval(days => (a % 600)::int),"
                    + " now() - make_interval(days => (a % 600)::int) + interval '4 hours', 50, 'OPEN', '123456', 1, now(), now()"
                    + " from generate_series(0, " + (COMMUNITIES * 100 - 1) + ") a join cp on cp.cm = a / 100 + 1");
            // record i: volunteer i % V, its k-th (k = i / V) activity slot in the volunteer's community
            s.execute("alter table service_record drop constraint service_record_pkey");
            s.execute("alter table service_record drop constraint service_record_activity_id_volunteer_id_key");
            s.execute("drop index service_record_volunteer");
            s.execute("drop index service_record_review");
            step(s, "service records", "insert into service_record (id, activity_id, volunteer_id, team_id, status, checked_in_at,"
                    + " checked_out_at, check_in_method, check_out_method, minutes, verified_minutes, version, created_at)"
                    + " select " + id(9, "i") + "::uuid, " + id(8, "a") + "::uuid, " + id(6, "v") + "::uuid, " + id(7, "(a / 10)") + "::uuid,"
                    + " case when i % 10 = 9 then 'SUBMITTED' else 'VERIFIED' end,"
                    + " now() - make_interval(days => (a % 600)::int), now() - make_interval(days => (a % 600)::int) + make_interval(mins => m),"
                    + " 'CODE', 'CODE', m, case when i % 10 = 9 then null else m end, 2, now()"
                    + " from (select i, i % " + volunteers + " as v, 60 + (i % 5)::int * 30 as m,"
                    + "   ((i % " + volunteers + ") % 1000) * 100 + (i / " + volunteers + ") * 10 + ((i % " + volunteers + ") / 1000) % 10 as a"
                    + "   from generate_series(0::bigint, " + (records - 1) + ") i) x");
            step(s, "service record indexes", "alter table service_record add primary key (id)");
            step(s, "", "alter table service_record add constraint service_record_activity_id_volunteer_id_key unique (activity_id, volunteer_id)");
            step(s, "", "create index service_record_volunteer on service_record (volunteer_id, checked_in_at)");
            step(s, "", "create index service_record_review on service_record (team_id, checked_in_at) where status = 'SUBMITTED'");
            // the roll-ups verification keeps, computed here from the records themselves
            step(s, "roll-up: volunteer totals", "update volunteer v set verified_minutes = x.m, star_level = " + Stars.sql("x.m")
                    + " from (select volunteer_id, sum(verified_minutes) m from service_record where status = 'VERIFIED' group by 1) x"
                    + " where v.id = x.volunteer_id");
            step(s, "roll-up: unit years", "insert into unit_year_hours (org_path, year, minutes, records)"
                    + " select a.org_path, extract(year from r.checked_in_at at time zone 'Asia/Shanghai')::int, sum(r.verified_minutes), count(*)"
                    + " from service_record r join activity a on a.id = r.activity_id where r.status = 'VERIFIED' group by 1, 2");
            step(s, "roll-up: volunteer years", "insert into volunteer_year_hours (volunteer_id, year, org_path, minutes)"
                    + " select x.volunteer_id, x.year, v.org_path, x.m from (select volunteer_id,"
                    + " extract(year from checked_in_at at time zone 'Asia/Shanghai')::int as year, sum(verified_minutes) m"
                    + " from service_record where status = 'VERIFIED' group by 1, 2) x join volunteer v on v.id = x.volunteer_id");
            step(s, "vacuum analyze", "vacuum analyze");
            try (ResultSet r = s.executeQuery("select (select count(*) from volunteer), (select count(*) from service_record),"
                    + " pg_size_pretty(pg_database_size(current_database()))")) {
                r.next();
                System.out.printf("rows: %,d volunteers, %,d service records; database %s; generated in %.1f s%n", r.getLong(1), r.getLong(2),
                        r.getString(3), (System.nanoTime() - t0) / 1e9);
            }
        }

        Random random = new Random(42);
        String base = "http://localhost:" + port;
        for (String endpoint : List.of("/api/v1/volunteers/leaderboard?size=20&orgUnitId=", "/api/v1/teams/stats?orgUnitId=",
                "/api/v1/volunteers/leaderboard?size=20&year=" + java.time.Year.now().getValue() + "&orgUnitId=")) {
            for (int i = 0; i < 100; i++) {
                get(base + endpoint + uid(4, random.nextInt(COMMUNITIES) + 1));
            }
            long[] micros = new long[1000];
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                String body = get(base + endpoint + uid(4, random.nextInt(COMMUNITIES) + 1));
                micros[i] = (System.nanoTime() - start) / 1000;
                if (i == 0) {
                    System.out.println("  sample: " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
                }
            }
            report(endpoint.substring(0, endpoint.indexOf('?')) + (endpoint.contains("year") ? " (this year)" : ""), micros);
        }
        System.out.printf("  (%,d volunteers per community)%n", perCommunity);

        checkInBurst(base);
        System.out.printf("==== done in %.1f s ====%n%n", (System.nanoTime() - t0) / 1e9);
    }

    /** 200 volunteers signed up for 150 places; all 200 check in at once, twice each. */
    private void checkInBurst(String base) throws Exception {
        String leader = Fixtures.volunteer("基准队长", FakeOrgService.COMMUNITY_A);
        String team = Fixtures.team("基准服务队", FakeOrgService.COMMUNITY_A, leader, "SAFETY");
        var start = Fixtures.now().minusMinutes(5);
        String activity = Fixtures.activity(team, "万人大扫除", start, start.plusHours(2), 150, "\"signupClosesAt\":\"" + start.plusHours(2) + "\"");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            people.add(Fixtures.volunteer("签到" + i, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> signups = new ArrayList<>();
            for (String v : people) {
                signups.add(pool.submit(() -> {
                    go.await();
                    return post(base + "/api/v1/activities/" + activity + "/signups", "{\"volunteerId\":\"" + v + "\"}");
                }));
            }
            go.countDown();
            for (Future<Integer> f : signups) {
                assertEquals(201, f.get());
            }
            String code = Fixtures.code(activity);
            CountDownLatch go2 = new CountDownLatch(1);
            List<Future<long[]>> checkIns = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (String v : people) {
                    checkIns.add(pool.submit(() -> {
                        go2.await();
                        long t = System.nanoTime();
                        int status = post(base + "/api/v1/activities/" + activity + "/check-ins",
                                "{\"volunteerId\":\"" + v + "\",\"code\":\"" + code + "\"}");
                        return new long[] { status, (System.nanoTime() - t) / 1000 };
                    }));
                }
            }
            long wall = System.nanoTime();
            go2.countDown();
            int created = 0;
            int refused = 0;
            long[] micros = new long[checkIns.size()];
            for (int i = 0; i < checkIns.size(); i++) {
                long[] result = checkIns.get(i).get();
                micros[i] = result[1];
                if (result[0] == 201) {
                    created++;
                } else {
                    assertEquals(409, result[0]);
                    refused++;
                }
            }
            double seconds = (System.nanoTime() - wall) / 1e9;
            long recorded;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select count(*), count(distinct volunteer_id) from service_record where activity_id = '"
                            + activity + "'")) {
                r.next();
                recorded = r.getLong(1);
                assertEquals(recorded, r.getLong(2));
            }
            System.out.printf("check-in burst: 200 volunteers signed up concurrently for 150 places; 400 concurrent check-ins (each twice)"
                    + " in %.2f s: %d created, %d refused (409: waitlisted or already checked in); %d records in the database, capacity 150%n",
                    seconds, created, refused, recorded);
            report("POST /api/v1/activities/{id}/check-ins", micros);
            assertEquals(150, created);
            assertEquals(150, recorded);
            assertTrue(recorded <= 150);
        } finally {
            pool.shutdownNow();
        }
    }

    /** SQL text of the id of kind k and number expression n (cast to uuid where needed). */
    private static String id(int kind, String n) {
        return "('0000000" + kind + "-0000-7000-8000-' || lpad(to_hex(" + n + "), 12, '0'))";
    }

    private static String uid(int kind, long n) {
        return String.format("0000000%d-0000-7000-8000-%012x", kind, n);
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private int post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void step(Statement s, String name, String sql) throws Exception {
        long t = System.nanoTime();
        s.execute(sql);
        if (!name.isEmpty()) {
            System.out.printf("  %-26s %7.1f s%n", name, (System.nanoTime() - t) / 1e9);
        } else {
            System.out.printf("  %-26s %7.1f s%n", "  …", (System.nanoTime() - t) / 1e9);
        }
    }

    private static void report(String name, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf("%-52s n=%d  p50 %.2f ms  p99 %.2f ms  max %.2f ms%n", name, sorted.length, sorted[sorted.length / 2] / 1000.0,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000.0, sorted[sorted.length - 1] / 1000.0);
    }
}
