package org.community.org.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import java.util.Arrays;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.community.conventions.http.PageRequest;
import org.community.org.member.MemberRepository;
import org.community.org.support.CapturedSql;
import org.community.org.transfer.TransferRepository;
import org.junit.jupiter.api.Test;

/**
 * Scope filtering keeps list queries on their path indexes: the OR of one range per scope unit is a BitmapOr of index
 * range scans (checked with sequential scans disabled, since the test database is too small for the planner to prefer
 * an index on its own; at city scale the benchmark's plans are the same range scans). The member table first gets a
 * city's spread of members elsewhere (rolled back with the test): with only the few members of other tests, the partial
 * index of current members costs as little as the path index and the planner's pick is a coin toss. The member search and the
 * transfer list are the statements their repositories send (captured from Hibernate, then explained with the same
 * arguments), so a change to either query is checked here too.
 */
@QuarkusTest
class ScopedQueryPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MemberRepository members;

    @Inject
    TransferRepository transfers;

    @Test
    @TestTransaction
    void scopeRangesUseThePathIndexes() throws SQLException {
        membersAcrossTheCity(20_000);
        MemberRepository.Filter search = new MemberRepository.Filter(null, null, null, null, null, null, null,
                Scope.of(List.of("/1/2/", "/1/7/")).where("path"));
        String memberPage = sent(() -> members.search(search, PageRequest.of(0, 20)), "order by");
        assertThat(plan(memberPage, List.of(MemberRepository.where(search).args()))).contains("member_path_name");
        Scope.Condition audit = Scope.of(List.of("/1/2/", "/1/7/")).where("org_path");
        assertThat(plan("select * from audit_entry where " + audit.sql() + " order by occurred_at desc, id limit 20", audit.args()))
                .contains("audit_entry_path");
        Scope.Condition units = Scope.of(List.of("/1/2/")).where("u.path");
        String transferCount = sent(() -> transfers.count(null, null, null, units), "count(");
        List<Object> args = new ArrayList<>(Arrays.asList(null, null, null, null, null, null, null));
        args.addAll(units.args());
        assertThat(plan(transferCount, args)).containsAnyOf("org_unit_pkey", "org_unit_path_key");
    }

    private void membersAcrossTheCity(int count) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into org_unit (id, key, code, name, level, status, path, depth, version, created_at, updated_at)
                    values ('00000000-0000-0000-0000-00000000c17e', 999999999, 'PLAN-TEST', 'Elsewhere', 'CITY', 'ACTIVE',
                            '/999999999/', 0, 0, now(), now())""");
            statement.execute("""
                    insert into member (id, unit_id, path, name, gender, birth_date, status, status_on, version,
                                        created_at, updated_at)
                    select gen_random_uuid(), '00000000-0000-0000-0000-00000000c17e', '/9/' || (i %% 500) || '/',
                           'M' || i, 'MALE', date '1980-01-01', 'FULL', date '2000-01-01', 0, now(), now()
                    from generate_series(1, %d) i""".formatted(count));
            statement.execute("analyze member");
        }
    }

    /** The one statement Hibernate sent for {@code work} that contains {@code marker}. */
    private static String sent(Runnable work, String marker) {
        List<String> statements = CapturedSql.during(work).stream().filter(sql -> sql.contains(marker)).toList();
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

    private String plan(String sql, List<Object> args) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
            }
            List<String> lines = new ArrayList<>();
            try (PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
                long placeholders = sql.chars().filter(c -> c == '?').count();
                for (int i = 0; i < placeholders; i++) {
                    // past the query's own arguments: the page's offset and size Hibernate adds
                    explain.setObject(i + 1, i < args.size() ? args.get(i) : 20);
                }
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("reset enable_seqscan");
                }
            }
            return String.join("\n", lines);
        }
    }
}
