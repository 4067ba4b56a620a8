package org.community.org.imports;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * An import run as stored. Its id is given when the file is received (the spooled file is named by it). Progress and
 * outcome are written by the runner, each in a transaction of its own, so readers see them live; there is no version:
 * only the one runner writes a job after it is queued.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ImportFormat format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportStatus status;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    @Column(name = "content_hash", updatable = false)
    private String contentHash;

    @Column(name = "total_rows", nullable = false, updatable = false)
    private long totalRows;

    @Column(name = "rows_done", nullable = false)
    private long rowsDone;

    @Column(name = "units_created", nullable = false)
    private long unitsCreated;

    @Column(name = "households_created", nullable = false)
    private long householdsCreated;

    /** The rejected rows as the JSON array the column holds ({@link RowError}s; read through {@link ImportJobs#errors}). */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String errors;

    @Column(name = "error_count", nullable = false)
    private int errorCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "parent_path", updatable = false)
    private String parentPath;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    protected ImportJob() {
    }

    /** A received file, queued. */
    ImportJob(UUID id, ImportFormat format, String idempotencyKey, String contentHash, long totalRows, String parentPath,
            String createdBy, Instant now) {
        this.id = id;
        this.format = format;
        this.status = ImportStatus.QUEUED;
        this.idempotencyKey = idempotencyKey;
        this.contentHash = contentHash;
        this.totalRows = totalRows;
        this.errors = "[]";
        this.createdAt = now;
        this.heartbeatAt = now;
        this.parentPath = parentPath;
        this.createdBy = createdBy;
    }

    void start(Instant now) {
        this.status = ImportStatus.RUNNING;
        this.startedAt = now;
        this.heartbeatAt = now;
    }

    void progress(long done, Instant now) {
        this.rowsDone = done;
        this.heartbeatAt = now;
    }

    void succeed(long done, long units, long households, Instant now) {
        this.status = ImportStatus.SUCCEEDED;
        this.rowsDone = done;
        this.unitsCreated = units;
        this.householdsCreated = households;
        this.finishedAt = now;
        this.heartbeatAt = now;
    }

    void fail(long done, String errorsJson, int count, Instant now) {
        this.status = ImportStatus.FAILED;
        this.rowsDone = done;
        this.errors = errorsJson;
        this.errorCount = count;
        this.finishedAt = now;
        this.heartbeatAt = now;
    }

    UUID id() {
        return id;
    }

    ImportFormat format() {
        return format;
    }

    ImportStatus status() {
        return status;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    String contentHash() {
        return contentHash;
    }

    long totalRows() {
        return totalRows;
    }

    long rowsDone() {
        return rowsDone;
    }

    long unitsCreated() {
        return unitsCreated;
    }

    long householdsCreated() {
        return householdsCreated;
    }

    String errors() {
        return errors;
    }

    int errorCount() {
        return errorCount;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    Instant heartbeatAt() {
        return heartbeatAt;
    }

    String parentPath() {
        return parentPath;
    }
}
