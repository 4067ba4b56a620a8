package org.community.org.education.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/**
 * The person-times report of a subtree is one range of the index member (path, name) and, per member, a range of
 * edu_attendance (member_id, held_on): no scan of the attendance table, whatever its size. Checked with sequential
 * scans disabled, as ScopedQueryPlanTest does, since the test database is too small for the planner to prefer an index.
 */
@QuarkusTest
class PersonTimesQueryPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void personTimesOfASubtreeWalkThePathAndAttendanceIndexes() throws SQLException {
        String plan = plan("select count(*), count(distinct a.member_id), count(distinct a.session_id) " + ReportRepository.PERSON_TIMES,
                List.of("/1/2/", "/1/2/~", LocalDate.of(2024, 11, 1), LocalDate.of(2025, 4, 30)));
        assertThat(plan).contains("member_path_name").contains("edu_attendance_member").doesNotContain("Seq Scan on edu_attendance");
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
                explain.setObject(args.size() + 1, null, java.sql.Types.OTHER);
                explain.setObject(args.size() + 2, null, java.sql.Types.OTHER);
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
