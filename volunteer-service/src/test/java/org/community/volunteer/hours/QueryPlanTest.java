package org.community.volunteer.hours;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.volunteer.FakeOrgService;
import org.community.volunteer.audit.AuditLog;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.security.Scope;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The reads that must stay index-driven at 10 M service records, checked with sequential scans discouraged (on a nearly
 * empty test database a sequential scan would be cheapest): service records take their path from their activity since
 * V4, so a subtree's records are its activities' (activity_path) joined to their records; the leaderboards and stats read
 * the volunteers and the roll-ups, never the records. Audit entries keep their unit's id since V5 and are read through
 * the units of the scope.
 */
@QuarkusTest
@QuarkusTestResource(FakeOrgService.class)
class QueryPlanTest {

    static final String COMMUNITY = "/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/";

    @Inject
    Db db;

    @Test
    void aSubtreesServiceRecordsAreReadThroughItsActivities() {
        OrgUnitRef community = new OrgUnitRef(UUID.randomUUID(), "社区", "COMMUNITY", COMMUNITY, COMMUNITY);
        List<Object> args = new ArrayList<>();
        String sql = ServiceRecordRepository.searchSql(new ServiceRecordRepository.Filter(null, null, null, null, community,
                Scope.ALL, null), PageRequest.of(0, 20), args);
        String plan = plan(sql, args);
        assertFalse(plan.contains("Seq Scan"), plan);
        assertTrue(plan.contains("activity_path"), plan);

        // a volunteer who is also a secretary: her scope's records or her own (an OR across the join would read every record)
        args = new ArrayList<>();
        sql = ServiceRecordRepository.searchSql(new ServiceRecordRepository.Filter(null, null, null, null, null, Scope.of(List.of(COMMUNITY)),
                UUID.randomUUID()), PageRequest.of(0, 20), args);
        // only bitmap scans allowed: an "or" no index can answer (one across the join) falls back to reading every record
        plan = plan(sql, args, true);
        assertFalse(plan.contains("Seq Scan on service_record"), plan);
        assertFalse(plan.contains("Index Scan using service_record"), plan);
        assertTrue(plan.contains("BitmapOr"), plan);
        assertTrue(plan.contains("service_record_volunteer"), plan);
        assertTrue(plan.contains("activity_path"), plan);
    }

    @Test
    void leaderboardsAndStatsReadIndexRangesNotTheRecords() {
        String high = OrgUnitRef.upperBound(COMMUNITY);
        String board = plan("select id, name, verified_minutes, star_level from volunteer where org_path >= ? and org_path < ?"
                + " and verified_minutes > 0 order by verified_minutes desc, id limit ?", List.of(COMMUNITY, high, 20));
        assertTrue(board.contains("volunteer_board"), board);
        String yearBoard = plan("select h.volunteer_id, v.name, h.minutes, v.star_level from (select volunteer_id, minutes from volunteer_year_hours"
                + " where year = ? and org_path >= ? and org_path < ? and minutes > 0 order by minutes desc, volunteer_id limit ?) h"
                + " join volunteer v on v.id = h.volunteer_id order by h.minutes desc, h.volunteer_id", List.of(2026, COMMUNITY, high, 20));
        assertTrue(yearBoard.contains("volunteer_year_board"), yearBoard);
        String hours = plan("select coalesce(sum(minutes), 0), coalesce(sum(records), 0) from unit_year_hours"
                + " where year = ? and org_path >= ? and org_path < ?", List.of(2026, COMMUNITY, high));
        assertFalse(hours.contains("Seq Scan"), hours);
        for (String stats : List.of(board, yearBoard, hours)) {
            assertFalse(stats.contains("service_record"), stats);
        }
    }

    @Test
    void auditEntriesAreReadThroughTheUnitsOfTheScope() {
        // an entry keeps its unit's id (V5): the scope's units are a range of the snapshot, their entries one index
        List<Object> args = new ArrayList<>();
        String sql = AuditLog.searchSql(new AuditLog.Filter(Scope.of(List.of(COMMUNITY)), null, null, null, null, null, null),
                PageRequest.of(0, 20), args);
        String plan = plan(sql, args);
        assertFalse(plan.contains("Seq Scan"), plan);
        assertTrue(plan.contains("org_unit_snapshot_path"), plan);
        // the newest first: the scope's entries by unit, or the newest entries until a page of the scope's is found
        assertTrue(plan.contains("audit_entry_unit") || plan.contains("audit_entry_time"), plan);

        args = new ArrayList<>();
        String building = COMMUNITY + UUID.randomUUID() + "/";
        sql = AuditLog.searchSql(new AuditLog.Filter(Scope.of(List.of(COMMUNITY)), building, null, null, null, null, null),
                PageRequest.of(0, 20), args);
        plan = plan(sql, args);
        assertFalse(plan.contains("Seq Scan"), plan);
        assertTrue(plan.contains("audit_entry_unit") || plan.contains("audit_entry_time"), plan);
    }

    private String plan(String sql, List<Object> args) {
        return plan(sql, args, false);
    }

    /** The plan with sequential scans (and, {@code bitmapOnly}, plain index scans) discouraged. */
    private String plan(String sql, List<Object> args, boolean bitmapOnly) {
        return db.withConnection(connection -> {
            try (var off = connection.createStatement()) {
                off.execute("set enable_seqscan = off");
                off.execute("set enable_indexscan = " + (bitmapOnly ? "off" : "on"));
                try (var explain = connection.prepareStatement("explain " + sql)) {
                    for (int i = 0; i < args.size(); i++) {
                        explain.setObject(i + 1, args.get(i));
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
                    off.execute("reset enable_indexscan");
                }
            }
        });
    }
}
