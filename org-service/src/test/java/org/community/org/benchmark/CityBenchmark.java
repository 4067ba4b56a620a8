package org.community.org.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.community.conventions.testing.DefaultToken;
import org.community.org.tree.Paths;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The city benchmark of issue 2. Not a test: run it with
 * {@code ./mvnw -B -pl org-service verify -Pbenchmark [-Dbenchmark.scale=1.0]}; it prints a report and writes
 * it to {@code org-service/target/benchmark/report.md}.
 */
@QuarkusTest
@Tag("benchmark")
class CityBenchmark {

    private static final int WARMUP = 300;
    private static final int SAMPLES = 2_000;

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final StringBuilder report = new StringBuilder();

    @Test
    void city() throws Exception {
        double scale = Double.parseDouble(System.getProperty("benchmark.scale", "1.0"));
        CityGenerator.Sizes sizes = CityGenerator.Sizes.at(scale);
        Path dir = Files.createDirectories(Path.of("target/benchmark"));
        CityGenerator city = new CityGenerator(sizes);
        long unitRows = sizes.units();
        long rows = unitRows + sizes.households();
        line("# org-service city benchmark");
        line("");
        line("Scale %s: %,d units (%,d communities, %,d grids, %,d buildings) and %,d households = %,d rows.", scale, unitRows,
                sizes.communities(), sizes.communities() * 10, sizes.buildings(), sizes.households(), rows);
        line("Machine: %d cores, Java %s, PostgreSQL (embedded, the test profile: fsync off for both runs).",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        line("");

        Path csv = dir.resolve("city.csv");
        Path unitCopy = dir.resolve("units.copy");
        Path householdCopy = dir.resolve("households.copy");
        long t0 = System.nanoTime();
        city.writeCsv(csv);
        city.writeCopyRows(unitCopy, householdCopy, 1_000_000_000L);
        line("Generated the files in %.1f s (CSV %,d MB).", seconds(t0), Files.size(csv) >> 20);

        double copySeconds = rawCopy(unitCopy, householdCopy);
        double importSeconds = importThroughApi(csv);
        line("");
        line("## Import vs raw COPY (same rows, same database, same indexes and foreign keys)");
        line("");
        line("| load | seconds | rows/s |");
        line("|---|---:|---:|");
        line("| raw COPY of pre-rendered rows | %.1f | %,.0f |", copySeconds, rows / copySeconds);
        line("| POST /api/v1/imports (upload, validate, COPY, roll-ups) | %.1f | %,.0f |", importSeconds, rows / importSeconds);
        line("");
        line("Import speed: **%.0f%%** of raw COPY (target ≥ 50%%).", 100 * copySeconds / importSeconds);
        Files.deleteIfExists(unitCopy);
        Files.deleteIfExists(householdCopy);

        loadMembers(Math.round(1_000_000 * scale));
        latencies();
        memberLatencies();
        Files.writeString(dir.resolve("report.md"), report.toString());
        System.out.println("\n" + report);
    }

    /** COPY of the same rows into a copy of the tables (schema rawcopy) with the same indexes and foreign keys. */
    private double rawCopy(Path units, Path households) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "drop schema if exists rawcopy cascade");
            execute(connection, "create schema rawcopy");
            execute(connection, "create table rawcopy.org_unit (like public.org_unit including all)");
            execute(connection, "alter table rawcopy.org_unit add foreign key (parent_id) references rawcopy.org_unit (id)");
            execute(connection, "create table rawcopy.household (like public.household including all)");
            execute(connection, "alter table rawcopy.household add foreign key (building_id) references rawcopy.org_unit (id)");
            long start = System.nanoTime();
            copy(connection, "rawcopy.org_unit (id, key, code, name, level, form, established_on, status, address, leader_name,"
                    + " parent_id, path, depth, version, created_at, updated_at)", units);
            copy(connection, "rawcopy.household (id, building_id, path, compound, building, entrance, room, residents, head_name, phone,"
                    + " is_central, version, created_at, updated_at)", households);
            double seconds = seconds(start);
            execute(connection, "drop schema rawcopy cascade");
            return seconds;
        }
    }

    private static void copy(Connection connection, String table, Path file) throws SQLException, IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin", reader, 1 << 16);
        }
    }

    private double importThroughApi(Path csv) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(url("/api/v1/imports"))
                .header("Authorization", DefaultToken.bearer())
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("import not accepted: " + accepted.body());
        }
        String id = json.readTree(accepted.body()).get("id").asText();
        double uploaded = seconds(start);
        JsonNode job;
        long lastPrint = 0;
        do {
            Thread.sleep(200);
            job = json.readTree(get("/api/v1/imports/" + id));
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                System.out.printf("import %s: %,d of %,d rows%n", job.get("status").asText(), job.get("rowsDone").asLong(),
                        job.get("totalRows").asLong());
                lastPrint = System.nanoTime();
            }
        } while (job.get("status").asText().equals("QUEUED") || job.get("status").asText().equals("RUNNING"));
        if (!job.get("status").asText().equals("SUCCEEDED")) {
            throw new IllegalStateException("import failed: " + job);
        }
        double seconds = seconds(start);
        line("Import: upload %.1f s, all done %.1f s; %,d units and %,d households created.", uploaded, seconds,
                job.get("unitsCreated").asLong(), job.get("householdsCreated").asLong());
        return seconds;
    }

    private void latencies() throws Exception {
        List<Node> nodes = nodes();
        Random random = new Random(7);
        List<Node> units = nodes.stream().filter(n -> !n.level.equals("BUILDING")).toList();
        List<Node> communities = nodes.stream().filter(n -> n.level.equals("COMMUNITY")).toList();
        List<Node> upper = nodes.stream().filter(n -> List.of("CITY", "DISTRICT", "STREET", "COMMUNITY").contains(n.level)).toList();
        List<Node> buildings = nodes.stream().filter(n -> n.level.equals("BUILDING")).toList();
        Node city = nodes.stream().filter(n -> n.level.equals("CITY")).findFirst().orElseThrow();

        line("");
        line("## Latency: HTTP (the service, sequential requests) vs the same query as raw SQL (JDBC)");
        line("");
        line("%d requests each after %d warm-up; nodes drawn at random. Targets: stats p99 ≤ 20 ms, subtree page p99 ≤ 30 ms.",
                SAMPLES, WARMUP);
        line("");
        line("| operation | nodes | HTTP p50 ms | HTTP p99 ms | SQL p50 ms | SQL p99 ms |");
        line("|---|---|---:|---:|---:|---:|");
        measure("stats `/{id}/stats`", "any non-building unit", units, random, n -> "/api/v1/org-units/" + n.id + "/stats",
                "select r.* from unit_rollup r join org_unit o on o.key = r.unit_key where o.id = ?", n -> new Object[] { n.id });
        measure("stats of the whole city", "the city", List.of(city), random, n -> "/api/v1/org-units/" + n.id + "/stats",
                "select r.* from unit_rollup r join org_unit o on o.key = r.unit_key where o.id = ?", n -> new Object[] { n.id });
        measure("subtree page `/{id}/subtree?size=20`", "city, districts, streets, communities", upper, random,
                n -> "/api/v1/org-units/" + n.id + "/subtree?size=20",
                "select * from org_unit where path > ? and path < ? and status = 'ACTIVE' order by path limit 20",
                n -> new Object[] { n.path, Paths.upperBound(n.path) });
        measure("subtree page, buildings only, page 10", "city, districts, streets, communities", upper, random,
                n -> "/api/v1/org-units/" + n.id + "/subtree?level=BUILDING&page=10&size=20",
                "select * from org_unit where path > ? and path < ? and status = 'ACTIVE' and level = 'BUILDING' order by path limit 20 offset 200",
                n -> new Object[] { n.path, Paths.upperBound(n.path) });
        measure("ancestors `/{id}/ancestors`", "buildings", buildings, random, n -> "/api/v1/org-units/" + n.id + "/ancestors",
                "select * from org_unit where key = any(?) order by depth", n -> new Object[] { Paths.ancestorKeys(n.path) });
        measure("coverage summary `/{id}/coverage`", "any non-building unit", units, random,
                n -> "/api/v1/org-units/" + n.id + "/coverage",
                "select r.* from unit_rollup r join org_unit o on o.key = r.unit_key where o.id = ?", n -> new Object[] { n.id });
        measure("coverage list `/{id}/coverage/uncovered-buildings`", "city, districts, streets, communities", upper, random,
                n -> "/api/v1/org-units/" + n.id + "/coverage/uncovered-buildings?size=20",
                "select * from org_unit where path > ? and path < ? and level = 'BUILDING' and form is null and status = 'ACTIVE'"
                        + " order by path limit 20",
                n -> new Object[] { n.path, Paths.upperBound(n.path) });
        measure("coverage list `/{id}/coverage/unserved-households`", "communities", communities, random,
                n -> "/api/v1/org-units/" + n.id + "/coverage/unserved-households?size=20",
                "select * from household where path >= ? and path < ? and served_by is null and not is_central order by path, id limit 20",
                n -> new Object[] { n.path, Paths.upperBound(n.path) });

        line("");
        line("For contrast, what the roll-ups save: counting the city's households row by row (index-only range scan):");
        long start = System.nanoTime();
        long count;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select count(*) from household where path >= ? and path < ?")) {
            statement.setString(1, city.path);
            statement.setString(2, Paths.upperBound(city.path));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                count = row.getLong(1);
            }
        }
        line("`select count(*) from household where path in the city's range` → %,d rows in %.0f ms.", count,
                (System.nanoTime() - start) / 1e6);
    }

    /**
     * Members are not part of the import file: they are generated in the database (INSERT … SELECT over
     * generate_series, spread over the covered buildings' groups) and their roll-up counters added in one pass,
     * the same contributions the service applies one by one.
     */
    private void loadMembers(long total) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            long groups;
            try (PreparedStatement statement = connection.prepareStatement(
                    "select count(*) from org_unit where level = 'BUILDING' and form = 'GROUP' and code like 'C-%'");
                    ResultSet row = statement.executeQuery()) {
                row.next();
                groups = row.getLong(1);
            }
            long perGroup = (total + groups - 1) / groups;
            execute(connection, """
                    insert into member (id, unit_id, path, name, gender, birth_date, status, status_on, admitted_on, probation_ends_on,
                                        is_mobile, version, created_at, updated_at)
                    select md5(b.id::text || g)::uuid, b.id, b.path,
                           (array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗',
                                  '郑','梁','谢','宋','唐','许','韩','冯','邓','曹','彭','曾','肖','田','董','袁','潘','于','蒋','蔡'])[1 + (n * 7 + g) %% 40]
                             || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平',
                                  '刚','桂','英','华','文','玉','兰','志','红','建'])[1 + (n * 13 + g * 3) %% 30]
                             || case when (n + g) %% 3 = 0 then '' else (array['国','海','春','小','永','德','金','立','成','云'])[1 + (n + g) %% 10] end,
                           case when (n + g) %% 2 = 0 then 'MALE' else 'FEMALE' end,
                           date '1940-01-01' + ((n * 7919 + g * 104729) %% 23000)::int,
                           s.status, date '2015-07-01', case when s.status in ('FULL', 'PROBATIONARY') then date '2014-07-01' end,
                           case when s.status in ('FULL', 'PROBATIONARY') then date '2015-07-01' end,
                           s.status = 'FULL' and (n + g) %% 33 = 0, 1, now(), now()
                    from (select id, path, row_number() over (order by path) n from org_unit
                          where level = 'BUILDING' and form = 'GROUP' and code like 'C-%%') b
                    cross join generate_series(1, %d) g
                    cross join lateral (select case when (b.n + g) %% 100 < 85 then 'FULL' when (b.n + g) %% 100 < 90 then 'PROBATIONARY'
                                                    when (b.n + g) %% 100 < 94 then 'APPLICANT' when (b.n + g) %% 100 < 97 then 'ACTIVIST'
                                                    else 'DEVELOPMENT_TARGET' end status) s
                    where (b.n - 1) * %d + g <= %d
                    """.formatted(perGroup, perGroup, total));
            double inserted = seconds(start);
            java.util.Map<Long, org.community.org.stats.Counts> deltas = new java.util.HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select path, status, is_mobile, count(*) from member group by path, status, is_mobile");
                    ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    org.community.org.stats.Counts one = org.community.org.stats.Counts.ofMember(
                            org.community.org.member.MemberStatus.valueOf(row.getString(2)), row.getBoolean(3));
                    long n = row.getLong(4);
                    for (long key : Paths.keys(row.getString(1))) {
                        org.community.org.stats.Counts sum = deltas.computeIfAbsent(key, k -> org.community.org.stats.Counts.zero());
                        for (long i = 0; i < n; i++) {
                            sum.accumulate(one);
                        }
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("update unit_rollup set members_applicant = members_applicant + ?,"
                    + " members_activist = members_activist + ?, members_development_target = members_development_target + ?,"
                    + " members_probationary = members_probationary + ?, members_full = members_full + ?,"
                    + " mobile_members = mobile_members + ? where unit_key = ?")) {
                int batch = 0;
                for (var entry : deltas.entrySet()) {
                    var c = entry.getValue();
                    update.setLong(1, c.get(org.community.org.stats.Metric.MEMBERS_APPLICANT));
                    update.setLong(2, c.get(org.community.org.stats.Metric.MEMBERS_ACTIVIST));
                    update.setLong(3, c.get(org.community.org.stats.Metric.MEMBERS_DEVELOPMENT_TARGET));
                    update.setLong(4, c.get(org.community.org.stats.Metric.MEMBERS_PROBATIONARY));
                    update.setLong(5, c.get(org.community.org.stats.Metric.MEMBERS_FULL));
                    update.setLong(6, c.get(org.community.org.stats.Metric.MOBILE_MEMBERS));
                    update.setLong(7, entry.getKey());
                    update.addBatch();
                    if (++batch % 5000 == 0) {
                        update.executeBatch();
                    }
                }
                update.executeBatch();
            }
            execute(connection, "analyze member");
            long count;
            try (PreparedStatement statement = connection.prepareStatement("select count(*) from member"); ResultSet row = statement.executeQuery()) {
                row.next();
                count = row.getLong(1);
            }
            line("");
            line("Members: %,d generated in the database in %.1f s (INSERT … SELECT generate_series over %,d groups), roll-ups added in "
                    + "%.1f s more. The import file carries no members.", count, inserted, groups, seconds(start) - inserted);
        }
    }

    private void memberLatencies() throws Exception {
        List<Node> nodes = nodes();
        Random random = new Random(11);
        List<Node> communities = nodes.stream().filter(n -> n.level.equals("COMMUNITY")).toList();
        List<Node> districts = nodes.stream().filter(n -> n.level.equals("DISTRICT")).toList();
        List<Node> units = nodes.stream().filter(n -> !n.level.equals("BUILDING")).toList();
        String[] surnames = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭" };
        String[] givens = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊" };
        String[] prefix = new String[1];
        line("");
        line("## Members (issue 3)");
        line("");
        line("%d requests each after %d warm-up. Targets: member search by name prefix within a community p99 ≤ 50 ms; "
                + "subtree stats with members p99 ≤ 20 ms. Search pages are 20 items with their total.", SAMPLES, WARMUP);
        line("");
        line("| operation | nodes | HTTP p50 ms | HTTP p99 ms | SQL p50 ms | SQL p99 ms |");
        line("|---|---|---:|---:|---:|---:|");
        String sql = "select * from member where path >= ? and path < ? and name >= ? and name < ?"
                + " and status not in ('TRANSFERRED_OUT', 'DECEASED', 'REMOVED') order by path, name, id limit 20";
        String top = new String(Character.toChars(Character.MAX_CODE_POINT));
        measure("member search, surname prefix `/members?within=&q=王`", "communities", communities, random, n -> {
            prefix[0] = surnames[random.nextInt(surnames.length)];
            return "/api/v1/members?within=" + n.id + "&q=" + java.net.URLEncoder.encode(prefix[0], StandardCharsets.UTF_8) + "&size=20";
        }, sql, n -> {
            String p = surnames[random.nextInt(surnames.length)];
            return new Object[] { n.path, Paths.upperBound(n.path), p, p + top };
        });
        measure("member search, two-character prefix `q=王伟`", "communities", communities, random, n -> {
            prefix[0] = surnames[random.nextInt(surnames.length)] + givens[random.nextInt(givens.length)];
            return "/api/v1/members?within=" + n.id + "&q=" + java.net.URLEncoder.encode(prefix[0], StandardCharsets.UTF_8) + "&size=20";
        }, sql, n -> {
            String p = surnames[random.nextInt(surnames.length)] + givens[random.nextInt(givens.length)];
            return new Object[] { n.path, Paths.upperBound(n.path), p, p + top };
        });
        measure("member search, surname prefix within a district", "districts", districts, random, n -> {
            prefix[0] = surnames[random.nextInt(surnames.length)];
            return "/api/v1/members?within=" + n.id + "&q=" + java.net.URLEncoder.encode(prefix[0], StandardCharsets.UTF_8) + "&size=20";
        }, sql, n -> {
            String p = surnames[random.nextInt(surnames.length)];
            return new Object[] { n.path, Paths.upperBound(n.path), p, p + top };
        });
        measure("members of a community, first page (total from roll-ups)", "communities", communities, random,
                n -> "/api/v1/members?within=" + n.id + "&size=20",
                "select * from member where path >= ? and path < ? and status not in ('TRANSFERRED_OUT', 'DECEASED', 'REMOVED')"
                        + " order by path, name, id limit 20",
                n -> new Object[] { n.path, Paths.upperBound(n.path) });
        measure("stats with members `/{id}/stats`", "any non-building unit", units, random, n -> "/api/v1/org-units/" + n.id + "/stats",
                "select r.* from unit_rollup r join org_unit o on o.key = r.unit_key where o.id = ?", n -> new Object[] { n.id });
        Node city = nodes.stream().filter(n -> n.level.equals("CITY")).findFirst().orElseThrow();
        JsonNode stats = json.readTree(get("/api/v1/org-units/" + city.id + "/stats"));
        line("");
        line("City figures after the load: %,d party members (%,d full, %,d probationary), %,d mobile, %,d leaderless organizations "
                + "(no post has been recorded in the generated city).", stats.at("/members/partyMembers").asLong(),
                stats.at("/members/full").asLong(), stats.at("/members/probationary").asLong(), stats.at("/members/mobile").asLong(),
                stats.at("/coverage/leaderlessUnits").asLong());
    }

    private record Node(UUID id, String level, String path) {
    }

    private List<Node> nodes() throws SQLException {
        List<Node> nodes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select id, level, path from org_unit where code like 'C%' and (level <> 'BUILDING' or key % 50 = 0)");
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                nodes.add(new Node(row.getObject(1, UUID.class), row.getString(2), row.getString(3)));
            }
        }
        return nodes;
    }

    private void measure(String operation, String drawnFrom, List<Node> nodes, Random random, Function<Node, String> path, String sql,
            Function<Node, Object[]> args) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            get(path.apply(nodes.get(random.nextInt(nodes.size()))));
        }
        double[] httpMs = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            Node node = nodes.get(random.nextInt(nodes.size()));
            long start = System.nanoTime();
            get(path.apply(node));
            httpMs[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] sqlMs = new double[SAMPLES];
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < WARMUP + SAMPLES; i++) {
                Node node = nodes.get(random.nextInt(nodes.size()));
                Object[] values = args.apply(node);
                for (int v = 0; v < values.length; v++) {
                    statement.setObject(v + 1, values[v] instanceof long[] keys
                            ? connection.createArrayOf("bigint", Arrays.stream(keys).boxed().toArray()) : values[v]);
                }
                long start = System.nanoTime();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                }
                if (i >= WARMUP) {
                    sqlMs[i - WARMUP] = (System.nanoTime() - start) / 1e6;
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
