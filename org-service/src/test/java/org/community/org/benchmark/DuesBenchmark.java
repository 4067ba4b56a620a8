package org.community.org.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.community.org.dues.DuesCalendar;
import org.community.conventions.testing.DefaultToken;
import org.community.org.tree.Paths;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The party dues benchmark of issue 17. Not a test: run it with
 * {@code ./mvnw -B -pl org-service verify -Pbenchmark -Dtest=DuesBenchmark [-Dbenchmark.scale=1.0]}; it prints a report and
 * writes it to {@code org-service/target/benchmark/dues-report.md}.
 *
 * <p>A city of 15 districts, 150 streets, 1,500 communities with 3 branches each, and 1,000,000 members (× scale) paying
 * for the 24 months before the current one (5 % of them stopped paying 1 to 9 months ago), in quarterly receipts.
 * Everything is generated in the database (INSERT … SELECT over generate_series), the indexes of the two big tables
 * built after the load, and the counters computed from the rows in one pass, as the service would have kept them.
 */
@QuarkusTest
@Tag("benchmark")
class DuesBenchmark {

    private static final int WARMUP = 300;
    private static final int SAMPLES = 2_000;
    private static final int BATCHES = 40;

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DuesCalendar calendar;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final StringBuilder report = new StringBuilder();
    /** Branches with fewer members due this month (the last, partly filled one) are not a branch's month. */
    private long minBatch;

    private record Unit(UUID id, long key, String level, String path, String code) {
    }

    @Test
    void dues() throws Exception {
        double scale = Double.parseDouble(System.getProperty("benchmark.scale", "1.0"));
        long members = Math.round(1_000_000 * scale);
        YearMonth current = calendar.currentMonth();
        YearMonth first = current.minusMonths(24);
        line("# org-service party dues benchmark");
        line("");
        line("Scale %s: %,d members paying the 24 months %s to %s; machine: %d cores, Java %s, embedded PostgreSQL (test profile).", scale,
                members, first, current.minusMonths(1), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        line("");
        List<Unit> units = loadTree();
        load(units, members, first, current);
        measureReads(units, current);
        measureBatches(units, current);
        Path dir = Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(dir.resolve("dues-report.md"), report.toString());
        System.out.println("\n" + report);
    }

    /** City → 15 districts → 10 streets each → 10 communities each → 3 branches each, with their keys and paths. */
    private List<Unit> loadTree() throws SQLException {
        List<Unit> units = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into org_unit (id, key, code, name, level, form, status, parent_id,"
                    + " path, depth, has_leader, version, created_at, updated_at) values (?, nextval('org_unit_key_seq'), ?, ?, ?, ?, 'ACTIVE', ?, '', ?,"
                    + " false, 1, now(), now()) returning key");
                    PreparedStatement path = connection.prepareStatement("update org_unit set path = ? where key = ?");
                    PreparedStatement rollup = connection.prepareStatement("insert into unit_rollup (unit_key) values (?)")) {
                String tag = "DUES-" + UUID.randomUUID().toString().substring(0, 6);
                Unit city = unit(insert, path, rollup, tag, "党费市", "CITY", "COMMITTEE", null, 0);
                units.add(city);
                for (int d = 1; d <= 15; d++) {
                    Unit district = unit(insert, path, rollup, tag + "-D" + d, "区" + d, "DISTRICT", "COMMITTEE", city, 1);
                    units.add(district);
                    for (int s = 1; s <= 10; s++) {
                        Unit street = unit(insert, path, rollup, district.code + "-S" + s, "街道" + s, "STREET", "COMMITTEE", district, 2);
                        units.add(street);
                        for (int c = 1; c <= 10; c++) {
                            Unit community = unit(insert, path, rollup, street.code + "-C" + c, "社区" + c, "COMMUNITY", "COMMITTEE", street, 3);
                            units.add(community);
                            for (int b = 1; b <= 3; b++) {
                                units.add(unit(insert, path, rollup, community.code + "-B" + b, "支部" + b, "COMPOUND", "BRANCH", community, 4));
                            }
                        }
                    }
                }
            }
            connection.commit();
        }
        return units;
    }

    private static Unit unit(PreparedStatement insert, PreparedStatement path, PreparedStatement rollup, String code, String name, String level,
            String form, Unit parent, int depth) throws SQLException {
        UUID id = UUID.randomUUID();
        insert.setObject(1, id);
        insert.setString(2, code);
        insert.setString(3, name);
        insert.setString(4, level);
        insert.setString(5, form);
        insert.setObject(6, parent == null ? null : parent.id);
        insert.setInt(7, depth);
        long key;
        try (ResultSet row = insert.executeQuery()) {
            row.next();
            key = row.getLong(1);
        }
        String unitPath = Paths.child(parent == null ? null : parent.path, key);
        path.setString(1, unitPath);
        path.setLong(2, key);
        path.executeUpdate();
        rollup.setLong(1, key);
        rollup.executeUpdate();
        return new Unit(id, key, level, unitPath, code);
    }

    private void load(List<Unit> units, long members, YearMonth first, YearMonth current) throws SQLException {
        List<Unit> branches = units.stream().filter(u -> u.level.equals("COMPOUND")).toList();
        long perBranch = (members + branches.size() - 1) / branches.size();
        minBatch = perBranch * 9 / 10;
        String firstDay = "date '" + first.atDay(1) + "'";
        String year2 = "date '" + YearMonth.of(current.getYear(), 1).atDay(1) + "'";
        try (Connection connection = dataSource.getConnection()) {
            long start = System.nanoTime();
            execute(connection, "create temporary table bench_branch (id uuid, path text collate \"C\", n int)");
            try (PreparedStatement insert = connection.prepareStatement("insert into bench_branch values (?, ?, ?)")) {
                for (int i = 0; i < branches.size(); i++) {
                    insert.setObject(1, branches.get(i).id);
                    insert.setString(2, branches.get(i).path);
                    insert.setInt(3, i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // members; m.lag: months not paid before the current one (0 for 95 %, 1 to 9 for the others)
            execute(connection, """
                    insert into member (id, unit_id, path, name, gender, birth_date, status, status_on, admitted_on, probation_ends_on,
                                        is_mobile, version, created_at, updated_at)
                    select md5(b.id::text || g)::uuid, b.id, b.path,
                           (array['王','李','张','刘','陈','杨','黄','赵','吴','周'])[1 + (b.n + g) %% 10]
                             || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋'])[1 + (b.n * 7 + g * 3) %% 10],
                           case when g %% 2 = 0 then 'MALE' else 'FEMALE' end, date '1950-01-01' + (g * 97 %% 20000),
                           'FULL', date '2010-07-01', date '2009-07-01', date '2010-07-01', false, 1, now(), now()
                    from bench_branch b cross join generate_series(1, %d) g where b.n * %d + g <= %d
                    """.formatted(perBranch, perBranch, members));
            // bench_member: the two monthly amounts (the base when the months begin; the current year's, incomes up 3 %) and lag,
            // the months not paid before the current one (0 for 95 %, 1 to 9 for the others)
            execute(connection, """
                    create temporary table bench_member as
                    select id, unit_id, h, lag, income1, income2, (income1 * rate1 + 5000) / 10000 due1, (income2 * rate2 + 5000) / 10000 due2,
                           rate1, rate2 from (
                      select id, unit_id, h, lag, income1, income2,
                             case when income1 <= 300000 then 50 when income1 <= 500000 then 100 when income1 <= 1000000 then 150 else 200 end rate1,
                             case when income2 <= 300000 then 50 when income2 <= 500000 then 100 when income2 <= 1000000 then 150 else 200 end rate2
                      from (select m.id, m.unit_id, abs(hashtext(m.id::text)) %% 1000 h,
                                   case when abs(hashtext(m.id::text)) %% 100 < 5 then 1 + abs(hashtext(m.id::text)) %% 9 else 0 end lag,
                                   150000 + abs(hashtext(m.id::text || 'i')) %% 1500000 income1,
                                   (150000 + abs(hashtext(m.id::text || 'i')) %% 1500000) * 103 / 100 income2
                            from member m join bench_branch b on b.id = m.unit_id) x) y
                    """.formatted());
            line("Members: %,d in %,d branches generated in %.1f s.", members, branches.size(), seconds(start));

            start = System.nanoTime();
            execute(connection, """
                    insert into dues_base (id, member_id, year, valid_from, category, income_fen, rate_bp, monthly_fen, set_by, version, created_at)
                    select md5(id::text || 'b1')::uuid, id, %d, %s, 'SALARIED', income1, rate1, due1, 'benchmark', 1, now() from bench_member
                    union all
                    select md5(id::text || 'b2')::uuid, id, %d, %s, 'SALARIED', income2, rate2, due2, 'benchmark', 1, now() from bench_member
                    """.formatted(first.getYear(), firstDay, current.getYear(), year2));
            execute(connection, """
                    insert into dues_account (member_id, start_month, next_month, unit_since, version, updated_at)
                    select id, %s, (%s + make_interval(months => 24 - lag))::date, %s, 1, now() from bench_member
                    """.formatted(firstDay, firstDay, firstDay));
            line("Bases (2 per member) and accounts in %.1f s.", seconds(start));

            // the two big tables: indexes and constraints dropped for the load and built again afterwards
            start = System.nanoTime();
            execute(connection, "alter table dues_month drop constraint dues_month_pkey");
            execute(connection, "alter table dues_receipt drop constraint dues_receipt_pkey cascade");
            execute(connection, "alter table dues_receipt drop constraint dues_receipt_receipt_no_key");
            execute(connection, "alter table dues_receipt drop constraint dues_receipt_member_id_fkey");
            execute(connection, "alter table dues_receipt drop constraint dues_receipt_unit_id_fkey");
            execute(connection, "alter table dues_receipt drop constraint dues_receipt_collected_unit_id_fkey");
            for (String index : List.of("dues_receipt_reversed_once", "dues_receipt_member", "dues_receipt_unit", "dues_receipt_collected")) {
                execute(connection, "drop index " + index);
            }
            // month k (0..23) is the first one's k-th; months before offset %K use due1. Full quarters in quarterly receipts
            // (paid in the first week of the quarter); a member in arrears paid the months after their last full quarter one by one.
            int k1 = (int) first.until(YearMonth.of(current.getYear(), 1), java.time.temporal.ChronoUnit.MONTHS);
            execute(connection, """
                    insert into dues_receipt (id, receipt_no, kind, member_id, unit_id, collected_unit_id, from_month, months, due_fen, extra_fen,
                                              total_fen, paid_on, method, recorded_by, created_at)
                    select md5(m.id::text || 'q' || q)::uuid, 'DFB-' || md5(m.id::text || 'q' || q), 'PAYMENT', m.id, m.unit_id, m.unit_id,
                           (%1$s + make_interval(months => q * 3))::date, 3, d.due, 0, d.due,
                           (%1$s + make_interval(months => q * 3))::date + (m.h %% 7), 'CASH', 'benchmark', now()
                    from bench_member m cross join generate_series(0, 7) q
                    cross join lateral (select greatest(0, least(3, %2$d - q * 3)) * m.due1 + (3 - greatest(0, least(3, %2$d - q * 3))) * m.due2 due) d
                    where q * 3 + 3 <= 24 - m.lag
                    union all
                    select md5(m.id::text || 'm' || k)::uuid, 'DFB-' || md5(m.id::text || 'm' || k), 'PAYMENT', m.id, m.unit_id, m.unit_id,
                           (%1$s + make_interval(months => k))::date, 1, case when k < %2$d then m.due1 else m.due2 end, 0,
                           case when k < %2$d then m.due1 else m.due2 end, (%1$s + make_interval(months => k))::date + (m.h %% 7), 'CASH',
                           'benchmark', now()
                    from bench_member m cross join generate_series(0, 23) k where m.lag > 0 and k < 24 - m.lag and (k / 3) * 3 + 3 > 24 - m.lag
                    """.formatted(firstDay, k1));
            execute(connection, """
                    insert into dues_month (member_id, month, receipt_id, due_fen, extra_fen)
                    select m.id, (%1$s + make_interval(months => k))::date,
                           case when (k / 3) * 3 + 3 <= 24 - m.lag then md5(m.id::text || 'q' || (k / 3)) else md5(m.id::text || 'm' || k) end::uuid,
                           case when k < %2$d then m.due1 else m.due2 end, 0
                    from bench_member m cross join generate_series(0, 23) k where k < 24 - m.lag
                    """.formatted(firstDay, k1));
            double loaded = seconds(start);
            start = System.nanoTime();
            execute(connection, "alter table dues_month add primary key (member_id, month)");
            execute(connection, "alter table dues_receipt add primary key (id)");
            execute(connection, "alter table dues_receipt add constraint dues_receipt_receipt_no_key unique (receipt_no)");
            execute(connection, "alter table dues_receipt add constraint dues_receipt_reverses_id_fkey foreign key (reverses_id) references dues_receipt (id)");
            execute(connection, "alter table dues_receipt add constraint dues_receipt_member_id_fkey foreign key (member_id) references member (id)");
            execute(connection, "alter table dues_receipt add constraint dues_receipt_unit_id_fkey foreign key (unit_id) references org_unit (id)");
            execute(connection, "alter table dues_receipt add constraint dues_receipt_collected_unit_id_fkey foreign key (collected_unit_id) references org_unit (id)");
            execute(connection, "create unique index dues_receipt_reversed_once on dues_receipt (reverses_id) where reverses_id is not null");
            execute(connection, "create index dues_receipt_member on dues_receipt (member_id, created_at)");
            execute(connection, "create index dues_receipt_unit on dues_receipt (unit_id, created_at)");
            execute(connection, "create index dues_receipt_collected on dues_receipt (collected_unit_id, created_at)");
            double indexed = seconds(start);
            long months = count(connection, "select count(*) from dues_month");
            long receipts = count(connection, "select count(*) from dues_receipt");
            line("Paid months: %,d in %,d receipts, loaded in %.1f s; primary keys, unique keys, foreign keys and indexes built in %.1f s.",
                    months, receipts, loaded, indexed);

            // the counters the service keeps on every write, computed once from the rows
            start = System.nanoTime();
            Map<UUID, Unit> byId = new HashMap<>();
            units.forEach(u -> byId.put(u.id, u));
            Map<String, long[]> counters = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select unit_id, month, 0 liable, sum(due) due, sum(paid) paid, sum(paid_due) paid_due, sum(received) received from (
                      select m.unit_id, b.valid_from as month, count(*) filter (where b.valid_from = %s) liable,
                             sum(b.monthly_fen - coalesce(p.monthly_fen, 0)) due, 0 paid, 0 paid_due, 0 received
                        from dues_base b join member m on m.id = b.member_id
                        left join dues_base p on p.member_id = b.member_id and p.valid_from < b.valid_from
                       where b.set_by = 'benchmark' group by m.unit_id, b.valid_from
                      union all
                      select m.unit_id, d.month, 0, 0, count(*), sum(d.due_fen), 0 from dues_month d join bench_member m on m.id = d.member_id
                       group by m.unit_id, d.month
                      union all
                      select r.collected_unit_id, date_trunc('month', r.paid_on)::date, 0, 0, 0, 0, sum(r.total_fen) from dues_receipt r
                       where r.recorded_by = 'benchmark' group by 1, 2) s
                    group by unit_id, month
                    """.formatted(firstDay)); ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Unit unit = byId.get(row.getObject(1, UUID.class));
                    LocalDate month = row.getDate(2).toLocalDate();
                    for (long key : Paths.keys(unit.path)) {
                        long[] values = counters.computeIfAbsent(key + "|" + month, k -> new long[5]);
                        for (int i = 0; i < 5; i++) {
                            values[i] += row.getLong(3 + i);
                        }
                    }
                }
            }
            // liable: every member from the first month (members per branch)
            try (PreparedStatement statement = connection.prepareStatement("select unit_id, count(*) from bench_member group by unit_id");
                    ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    for (long key : Paths.keys(byId.get(row.getObject(1, UUID.class)).path)) {
                        counters.computeIfAbsent(key + "|" + first.atDay(1), k -> new long[5])[0] += row.getLong(2);
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into dues_rollup (unit_key, month, liable_delta, due_delta_fen,"
                    + " paid_members, paid_due_fen, paid_extra_fen, received_fen) values (?, ?, ?, ?, ?, ?, 0, ?)")) {
                for (Map.Entry<String, long[]> entry : counters.entrySet()) {
                    String[] parts = entry.getKey().split("\\|");
                    insert.setLong(1, Long.parseLong(parts[0]));
                    insert.setObject(2, LocalDate.parse(parts[1]));
                    for (int i = 0; i < 5; i++) {
                        insert.setLong(3 + i, entry.getValue()[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            execute(connection, "analyze");
            line("Counters: %,d rows of dues_rollup computed from the rows in %.1f s.", counters.size(), seconds(start));
        }
    }

    private void measureReads(List<Unit> units, YearMonth current) throws Exception {
        List<Unit> streets = units.stream().filter(u -> u.level.equals("STREET")).toList();
        List<Unit> communities = units.stream().filter(u -> u.level.equals("COMMUNITY")).toList();
        YearMonth last = current.minusMonths(1);
        Random random = new Random(17);
        line("");
        line("## Reads over HTTP (sequential, CITY_ADMIN token), and SQL");
        line("");
        line("%d requests each after %d warm-up; units drawn at random. Targets: a street's monthly collection report p99 ≤ 50 ms, a "
                + "community's arrears list p99 ≤ 50 ms.", SAMPLES, WARMUP);
        line("");
        line("| operation | units | HTTP p50 ms | HTTP p99 ms | SQL p50 ms | SQL p99 ms |");
        line("|---|---|---:|---:|---:|---:|");
        measure("street's collection for a month `/dues/units/{id}/collection?month=` (with its 10 communities)", "streets", streets, random,
                u -> "/api/v1/dues/units/" + u.id + "/collection?month=" + last,
                "select count(*), sum(d.due_fen) from member m join dues_month d on d.member_id = m.id and d.month = ?"
                        + " where m.path >= ? and m.path < ?",
                u -> new Object[] { last.atDay(1), u.path, Paths.upperBound(u.path) }, 200);
        measure("community's arrears, first page `/dues/units/{id}/arrears`", "communities", communities, random,
                u -> "/api/v1/dues/units/" + u.id + "/arrears?size=20",
                "select m.id, m.name, a.next_month from member m join lateral (select * from dues_account a where a.member_id = m.id offset 0) a"
                        + " on true where m.path >= ? and m.path < ?"
                        + " and m.status in ('PROBATIONARY', 'FULL') and a.closed_after is null and a.next_month <= ? order by a.next_month, m.path, m.name, m.id limit 20",
                u -> new Object[] { u.path, Paths.upperBound(u.path), last.atDay(1) }, SAMPLES);
        measure("street's collection, 12 months `/collection/months`", "streets", streets, random,
                u -> "/api/v1/dues/units/" + u.id + "/collection/months", null, null, 0);
        Unit street = streets.get(0);
        long fromCounters = json.readTree(get("/api/v1/dues/units/" + street.id + "/collection?month=" + last)).at("/total/paid").asLong();
        long fromRows;
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "select count(*) from member m join dues_month d on d.member_id = m.id and d.month = ? where m.path >= ? and m.path < ?")) {
            statement.setObject(1, last.atDay(1));
            statement.setString(2, street.path);
            statement.setString(3, Paths.upperBound(street.path));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                fromRows = row.getLong(1);
            }
        }
        if (fromCounters != fromRows) {
            throw new IllegalStateException("counters say " + fromCounters + " paid, the rows " + fromRows);
        }
        line("");
        line("Check: the first street's report says %,d members paid %s; counting its paid months row by row gives the same.", fromCounters, last);
        line("");
        line("SQL: for the street, what the report would cost without counters — \"how many paid the month\" by reading the street's "
                + "paid months (its members' range and one primary-key probe each, %d samples); for the arrears, the page query itself.", 200);
    }

    private void measureBatches(List<Unit> units, YearMonth current) throws Exception {
        List<Unit> branches = new ArrayList<>(units.stream().filter(u -> u.level.equals("COMPOUND")).toList());
        java.util.Collections.shuffle(branches, new Random(23));
        double[] ms = new double[BATCHES];
        int smallest = Integer.MAX_VALUE;
        String today = calendar.today().toString();
        int next = 0;
        for (int i = 0; i < BATCHES; i++) {
            Unit branch = branches.get(next++);
            List<String> members = new ArrayList<>();
            try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                    "select m.id from member m join dues_account a on a.member_id = m.id where m.unit_id = ? and a.next_month = ? limit 200")) {
                statement.setObject(1, branch.id);
                statement.setObject(2, current.atDay(1));
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        members.add(row.getString(1));
                    }
                }
            }
            if (members.isEmpty() || members.size() < Math.min(200, minBatch)) {
                i--;
                continue;
            }
            StringBuilder body = new StringBuilder("{\"unitId\":\"" + branch.id + "\",\"paidOn\":\"" + today + "\",\"payments\":[");
            for (int m = 0; m < members.size(); m++) {
                body.append(m == 0 ? "" : ",").append("{\"memberId\":\"").append(members.get(m)).append("\",\"fromMonth\":\"").append(current)
                        .append("\"}");
            }
            body.append("]}");
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/v1/dues/payments/batch"))
                    .header("Authorization", DefaultToken.bearer()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - start) / 1e6;
            smallest = Math.min(smallest, members.size());
            if (response.statusCode() != 201 || json.readTree(response.body()).get("count").asInt() != members.size()) {
                throw new IllegalStateException("batch of " + members.size() + " → " + response.statusCode() + " " + response.body());
            }
        }
        line("");
        line("## Recording a branch's month (200 members) in one request");
        line("");
        line("`POST /api/v1/dues/payments/batch` with 200 payments of the current month, %d times on branches drawn at random (each a fresh "
                + "set of members); every request checked and wrote all 200 receipts, settled months, accounts, counters and audit entries "
                + "in one transaction. Target ≤ 200 ms.", BATCHES);
        line("");
        line("| | p50 ms | p90 ms | max ms |");
        line("|---|---:|---:|---:|");
        line("| %d payments in one request | %.1f | %.1f | %.1f |", smallest, percentile(ms, 50), percentile(ms, 90), Arrays.stream(ms).max().orElse(0));
        line("");
        line("First request (cold) %.1f ms; without it the max is %.1f ms.", ms[0], Arrays.stream(ms, 1, ms.length).max().orElse(0));
    }

    private void measure(String operation, String drawnFrom, List<Unit> nodes, Random random, Function<Unit, String> path, String sql,
            Function<Unit, Object[]> args, int sqlSamples) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            get(path.apply(nodes.get(random.nextInt(nodes.size()))));
        }
        double[] httpMs = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            Unit node = nodes.get(random.nextInt(nodes.size()));
            long start = System.nanoTime();
            get(path.apply(node));
            httpMs[i] = (System.nanoTime() - start) / 1e6;
        }
        if (sql == null) {
            line("| %s | %s | %.2f | %.2f | | |", operation, drawnFrom, percentile(httpMs, 50), percentile(httpMs, 99));
            return;
        }
        double[] sqlMs = new double[sqlSamples];
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < sqlSamples + 20; i++) {
                Object[] values = args.apply(nodes.get(random.nextInt(nodes.size())));
                for (int v = 0; v < values.length; v++) {
                    statement.setObject(v + 1, values[v]);
                }
                long start = System.nanoTime();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                }
                if (i >= 20) {
                    sqlMs[i - 20] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        line("| %s | %s | %.2f | %.2f | %.2f | %.2f |", operation, drawnFrom, percentile(httpMs, 50), percentile(httpMs, 99),
                percentile(sqlMs, 50), percentile(sqlMs, 99));
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path)).header("Authorization", DefaultToken.bearer()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private URI url(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
