package org.community.org.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/**
 * Scope filtering keeps list queries on their path indexes: the OR of one range per scope unit is a BitmapOr of index
 * range scans (checked with sequential scans disabled, since the test database is too small for the planner to prefer
 * an index on its own; at city scale the benchmark's plans are the same range scans).
 */
@QuarkusTest
class ScopedQueryPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void scopeRangesUseThePathIndexes() throws SQLException {
        Scope.Condition members = Scope.of(List.of("/1/2/", "/1/7/")).where("path");
        assertThat(plan("select * from member where " + members.sql()
                + " and status not in ('TRANSFERRED_OUT', 'DECEASED', 'REMOVED') order by path, name, id limit 20", members.args()))
                .contains("member_path_name");
        Scope.Condition audit = Scope.of(List.of("/1/2/", "/1/7/")).where("org_path");
        assertThat(plan("select * from audit_entry where " + audit.sql() + " order by occurred_at desc, id limit 20", audit.args()))
                .contains("audit_entry_path");
        Scope.Condition units = Scope.of(List.of("/1/2/")).where("u.path");
        assertThat(plan("select count(*) from transfer where exists (select 1 from org_unit u where u.id in"
                + " (transfer.from_unit_id, transfer.to_unit_id) and " + units.sql() + ")", units.args()))
                .containsAnyOf("org_unit_pkey", "org_unit_path_key");
    }

    private String plan(String sql, List<Object> args) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
            }
            List<String> lines = new ArrayList<>();
            try (PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
                for (int i = 0; i < args.size(); i++) {
                    explain.setObject(i + 1, args.get(i));
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
