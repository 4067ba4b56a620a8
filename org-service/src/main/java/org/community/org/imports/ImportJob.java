package org.community.org.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.community.conventions.db.Db;

/** An import run as stored; progress is written by the runner on a separate connection so readers see it live. */
record ImportJob(UUID id, ImportFormat format, ImportStatus status, String idempotencyKey, String contentHash, long totalRows,
        long rowsDone, long unitsCreated, long householdsCreated, String errors, int errorCount, Instant createdAt, Instant startedAt,
        Instant finishedAt, Instant heartbeatAt, String parentPath) {

    static final String COLUMNS = "id, format, status, idempotency_key, content_hash, total_rows, rows_done, units_created,"
            + " households_created, errors, error_count, created_at, started_at, finished_at, heartbeat_at, parent_path";

    static ImportJob map(ResultSet row) throws SQLException {
        return new ImportJob(Db.uuid(row, "id"), Db.enumValue(row, "format", ImportFormat.class),
                Db.enumValue(row, "status", ImportStatus.class), row.getString("idempotency_key"), row.getString("content_hash"),
                row.getLong("total_rows"), row.getLong("rows_done"), row.getLong("units_created"), row.getLong("households_created"),
                row.getString("errors"), row.getInt("error_count"), Db.instant(row, "created_at"), Db.instant(row, "started_at"),
                Db.instant(row, "finished_at"), Db.instant(row, "heartbeat_at"), row.getString("parent_path"));
    }
}
