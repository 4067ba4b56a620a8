package org.community.org.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.security.Scope;

/** The {@code import_job} rows. Called outside transactions: each write commits at once and is visible to readers. */
@ApplicationScoped
class ImportJobs {

    @Inject
    Db db;

    @Inject
    ObjectMapper json;

    Optional<ImportJob> find(UUID id) {
        return db.one("select " + ImportJob.COLUMNS + " from import_job where id = ?", ImportJob::map, id);
    }

    Optional<ImportJob> findByKey(String idempotencyKey) {
        return db.one("select " + ImportJob.COLUMNS + " from import_job where idempotency_key = ?", ImportJob::map, idempotencyKey);
    }

    /** Jobs whose parent unit lies inside the scope; whole-tree jobs (no parent) only for a scope of everything. */
    List<ImportJob> recent(Scope scope, PageRequest page) {
        Scope.Condition inScope = scope.where("parent_path");
        List<Object> args = new java.util.ArrayList<>(inScope.args());
        args.add(page.size);
        args.add(page.offset());
        return db.list("select " + ImportJob.COLUMNS + " from import_job where " + inScope.sql()
                + " order by created_at desc, id limit ? offset ?", ImportJob::map, args.toArray());
    }

    long count(Scope scope) {
        Scope.Condition inScope = scope.where("parent_path");
        return db.count("select count(*) from import_job where " + inScope.sql(), inScope.args().toArray());
    }

    /** Records a received file; false when another import already holds this idempotency key. */
    boolean insert(UUID id, ImportFormat format, String idempotencyKey, String contentHash, long totalRows, String parentPath,
            String createdBy) {
        return db.update("insert into import_job (id, format, status, idempotency_key, content_hash, total_rows, created_at, heartbeat_at,"
                + " parent_path, created_by) values (?, ?, 'QUEUED', ?, ?, ?, now(), now(), ?, ?) on conflict (idempotency_key) do nothing",
                id, format, idempotencyKey, contentHash, totalRows, parentPath, createdBy) == 1;
    }

    void started(UUID id) {
        db.update("update import_job set status = 'RUNNING', started_at = now(), heartbeat_at = now() where id = ?", id);
    }

    void progress(UUID id, long rowsDone) {
        db.update("update import_job set rows_done = ?, heartbeat_at = now() where id = ?", rowsDone, id);
    }

    void succeeded(UUID id, long rowsDone, long units, long households) {
        db.update("update import_job set status = 'SUCCEEDED', rows_done = ?, units_created = ?, households_created = ?,"
                + " finished_at = now(), heartbeat_at = now() where id = ?", rowsDone, units, households, id);
    }

    void failed(UUID id, long rowsDone, List<RowError> errors, int errorCount) {
        try {
            db.update("update import_job set status = 'FAILED', rows_done = ?, errors = ?::jsonb, error_count = ?, finished_at = now(),"
                    + " heartbeat_at = now() where id = ?", rowsDone, json.writeValueAsString(errors), errorCount, id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<RowError> errors(ImportJob job) {
        try {
            return List.of(json.readValue(job.errors(), RowError[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant staleBefore() {
        return Instant.now().minusSeconds(120);
    }
}
