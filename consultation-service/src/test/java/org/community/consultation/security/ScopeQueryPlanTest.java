package org.community.consultation.security;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The scope conditions stay index-friendly: with sequential scans discouraged, the planner answers each scoped list
 * from the org_path (and stage, account) indexes instead of reading the table. (On a nearly empty test database a
 * sequential scan would be cheapest, so the plans are checked with {@code enable_seqscan = off}.)
 */
@QuarkusTest
class ScopeQueryPlanTest {

    @Inject
    Db db;

    static final Scope SCOPE = Scope.of(List.of(UUID.randomUUID(), UUID.randomUUID()), List.of("/c/s1/a/", "/c/s2/b/"));

    @Test
    void topicsMeetingsVotesResolutionsAndAuditUseTheirIndexes() {
        List<Object> args = new ArrayList<>();
        String topics = "select id from topic where (" + SCOPE.sql("org_path", args) + " or stage = any (?) or proposed_by = ?)"
                + " order by created_at desc limit 20";
        args.add(new String[] { "PUBLIC_DELIBERATION", "RESOLUTION" });
        args.add("resident-a");
        assertNoSeqScan(topics, args, "topic");

        args = new ArrayList<>();
        assertNoSeqScan("select id from meeting where " + SCOPE.sql("org_path", args) + " order by starts_at desc limit 20", args, "meeting");

        args = new ArrayList<>();
        String votes = "select id from vote where (topic_id in (select id from topic where " + SCOPE.sql("org_path", args) + ")"
                + " or id in (select vote_id from elector where account = ?)) order by created_at desc limit 20";
        args.add("resident-a");
        assertNoSeqScan(votes, args, "topic");
        assertNoSeqScan(votes, args, "elector");

        args = new ArrayList<>();
        assertNoSeqScan("select id from resolution where (status = 'PUBLISHED' or topic_id in (select id from topic where "
                + SCOPE.sql("org_path", args) + "))", args, "topic");

        args = new ArrayList<>();
        assertNoSeqScan("select id from audit_entry where " + SCOPE.sql("org_path", args) + " order by occurred_at desc limit 20", args,
                "audit_entry");
    }

    private void assertNoSeqScan(String sql, List<Object> args, String table) {
        String plan = db.withConnection(connection -> {
            boolean auto = connection.getAutoCommit();
            try (var off = connection.createStatement()) {
                off.execute("set enable_seqscan = off");
                try (var explain = connection.prepareStatement("explain " + sql)) {
                    for (int i = 0; i < args.size(); i++) {
                        Object value = args.get(i);
                        explain.setObject(i + 1, value instanceof String[] array ? connection.createArrayOf("text", array) : value);
                    }
                    StringBuilder text = new StringBuilder();
                    try (var rows = explain.executeQuery()) {
                        while (rows.next()) {
                            text.append(rows.getString(1)).append('\n');
                        }
                    }
                    return text.toString();
                } finally {
                    off.execute("reset enable_seqscan");
                    connection.setAutoCommit(auto);
                }
            }
        });
        assertFalse(plan.contains("Seq Scan on " + table), plan);
    }
}
