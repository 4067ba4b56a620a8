package org.community.org.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The roll-up counters are maintained incrementally by every write; this recounts every unit's subtree from
 * the rows themselves after a mix of concurrent writes and checks that no counter drifted.
 */
@QuarkusTest
class RollupConsistencyTest {

    @Inject
    Db db;

    @Test
    void countersEqualARecountAfterConcurrentWrites() throws Exception {
        String street = Api.street("rollup");
        String community = Api.unit(Api.unique("C"), "社区", "COMMUNITY", "COMMITTEE", street);
        String other = Api.unit(Api.unique("C"), "社区二", "COMMUNITY", "COMMITTEE", street);
        String grid = Api.unit(Api.unique("G"), "网格", "GRID", "GENERAL_BRANCH", community);
        List<String> buildings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            buildings.add(Api.unit(Api.unique("B"), i + "栋", "BUILDING", i % 2 == 0 ? "GROUP" : null, grid));
        }
        String stay = Api.unit(Api.unique("B"), "留守楼", "BUILDING", "GROUP", community);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<String>> joined = new ArrayList<>();
        String[] statuses = { "FULL", "PROBATIONARY", "APPLICANT", "FULL" };
        for (int i = 0; i < 16; i++) {
            String unit = buildings.get((i % 2) * 2);
            String status = statuses[i % statuses.length];
            int n = i;
            joined.add(pool.submit(() -> Api.member(unit, "党员" + n, status)));
        }
        List<String> members = new ArrayList<>();
        for (Future<String> f : joined) {
            members.add(f.get());
        }
        Api.post(buildings.get(0), "GROUP_LEADER", members.get(0));
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String building = buildings.get(i % buildings.size());
            int room = i;
            created.add(pool.submit(() -> Api.household(building, "1", "R" + room, room % 5)));
        }
        List<String> households = new ArrayList<>();
        for (Future<String> f : created) {
            households.add(f.get());
        }
        // concurrent designations and links while the grid moves to the other community
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String central = households.get(i * 4);
            work.add(pool.submit(() -> Api.designate(central)));
        }
        for (Future<?> f : work) {
            f.get();
        }
        work.clear();
        for (int i = 0; i < 10; i++) {
            String central = households.get(i * 4);
            String served = households.get(i * 4 + 1);
            work.add(pool.submit(() -> Api.link(central, served)));
        }
        work.add(pool.submit(() -> given().contentType("application/json").body(Map.of("newParentId", other))
                .post("/api/v1/org-units/" + grid + "/move").then().statusCode(200)));
        // members join the moving grid, transfer out of it, leave, flow out and step forward while it moves
        for (int i = 0; i < 4; i++) {
            int n = i;
            work.add(pool.submit(() -> Api.member(buildings.get(2), "新党员" + n, "FULL")));
        }
        for (int i = 0; i < 4; i++) {
            String member = members.get(i * 4);
            work.add(pool.submit(() -> {
                String transfer = given().contentType("application/json").body(Map.of("memberId", member, "toUnitId", stay))
                        .post("/api/v1/transfers").then().statusCode(201).extract().<String>path("id");
                given().contentType("application/json").body(Map.of()).post("/api/v1/transfers/" + transfer + "/accept")
                        .then().statusCode(200);
            }));
        }
        work.add(pool.submit(() -> given().contentType("application/json").body(Map.of("to", "DECEASED", "on", java.time.LocalDate.now(org.community.conventions.http.Times.ZONE).toString()))
                .post("/api/v1/members/" + members.get(1) + "/transitions").then().statusCode(200)));
        work.add(pool.submit(() -> given().contentType("application/json").body(Map.of("to", "ACTIVIST", "on",
                java.time.LocalDate.now(org.community.conventions.http.Times.ZONE).toString())).post("/api/v1/members/" + members.get(2) + "/transitions").then().statusCode(200)));
        work.add(pool.submit(() -> given().contentType("application/json").body(Map.of("memberId", members.get(3), "destinationCity",
                "深圳市", "reason", "务工", "leftOn", "2025-01-01")).post("/api/v1/mobile-members").then().statusCode(201)));
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        given().delete("/api/v1/households/" + households.get(2)).then().statusCode(204);
        given().delete("/api/v1/households/" + households.get(0) + "/central").then().statusCode(200);

        assertThat(Api.stats(other).getInt("households")).isEqualTo(59);
        assertThat(Api.stats(community).getInt("households")).isZero();
        assertThat(Api.stats(community).getInt("members.full")).isEqualTo(4); // members 0, 4, 8 and 12 transferred into 留守楼
        assertThat(Api.stats(other).getInt("members.mobile")).isEqualTo(1);
        assertThat(drifted()).isEmpty();
        // every member and household carries its unit's current path
        assertThat(db.count("select count(*) from member m join org_unit u on u.id = m.unit_id where m.path <> u.path")).isZero();
        assertThat(db.count("select count(*) from household h join org_unit u on u.id = h.building_id where h.path <> u.path")).isZero();
    }

    /** Units whose stored counters differ from a recount of their subtree. */
    private List<String> drifted() {
        return db.list("""
                with recount as (
                  select a.key,
                    (select count(*) from org_unit d where d.path > a.path and d.path < a.path || '~' and d.status = 'ACTIVE' and d.level = 'BUILDING') buildings,
                    (select count(*) from org_unit d where d.path > a.path and d.path < a.path || '~' and d.status = 'ACTIVE' and d.form = 'GROUP') party_groups,
                    (select count(*) from org_unit d where d.path > a.path and d.path < a.path || '~' and d.status = 'ACTIVE'
                       and d.level = 'BUILDING' and d.form is null) uncovered_buildings,
                    (select count(*) from household h where h.path >= a.path and h.path < a.path || '~') households,
                    (select coalesce(sum(residents), 0) from household h where h.path >= a.path and h.path < a.path || '~') residents,
                    (select count(*) from household h where h.path >= a.path and h.path < a.path || '~' and h.is_central) central_households,
                    (select count(*) from household h where h.path >= a.path and h.path < a.path || '~'
                       and (h.is_central or h.served_by is not null)) served_households,
                    (select count(*) from org_unit d where d.path > a.path and d.path < a.path || '~' and d.status = 'ACTIVE'
                       and d.form is not null and not exists (select 1 from post p where p.unit_id = d.id and p.ended_on is null
                         and p.role = case when d.form = 'GROUP' then 'GROUP_LEADER' else 'SECRETARY' end)) leaderless_units,
                    (select count(*) from member m where m.path >= a.path and m.path < a.path || '~' and m.status = 'FULL') members_full,
                    (select count(*) from member m where m.path >= a.path and m.path < a.path || '~' and m.status = 'PROBATIONARY') members_probationary,
                    (select count(*) from member m where m.path >= a.path and m.path < a.path || '~' and m.status = 'APPLICANT') members_applicant,
                    (select count(*) from member m where m.path >= a.path and m.path < a.path || '~' and m.status = 'ACTIVIST') members_activist,
                    (select count(*) from member m where m.path >= a.path and m.path < a.path || '~' and m.is_mobile
                       and m.status in ('FULL', 'PROBATIONARY')) mobile_members
                  from org_unit a)
                select o.code from recount c join unit_rollup r on r.unit_key = c.key join org_unit o on o.key = c.key
                where (r.buildings, r.party_groups, r.uncovered_buildings, r.households, r.residents, r.central_households, r.served_households,
                       r.leaderless_units, r.members_full, r.members_probationary, r.members_applicant, r.members_activist, r.mobile_members)
                   <> (c.buildings, c.party_groups, c.uncovered_buildings, c.households, c.residents, c.central_households, c.served_households,
                       c.leaderless_units, c.members_full, c.members_probationary, c.members_applicant, c.members_activist, c.mobile_members)
                """, row -> row.getString(1));
    }
}
