package org.community.org.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;

import org.community.conventions.http.PageRequest;
import org.community.org.persistence.Constraints;
import org.community.org.persistence.Where;
import org.community.org.security.Scope;

/**
 * The import jobs. The runner's writes each commit at once in a transaction of their own (not the import's, which
 * runs on its own connection and commits only at the end), so readers see progress live.
 */
@ApplicationScoped
public class ImportJobs implements PanacheRepositoryBase<ImportJob, UUID> {

    @Inject
    ObjectMapper json;

    Optional<ImportJob> find(UUID id) {
        return findByIdOptional(id);
    }

    Optional<ImportJob> findByKey(String idempotencyKey) {
        return find("idempotencyKey", idempotencyKey).firstResultOptional();
    }

    /** Jobs whose parent unit lies inside the scope; whole-tree jobs (no parent) only for a scope of everything. */
    List<ImportJob> recent(Scope scope, PageRequest page) {
        Where inScope = new Where().and(scope.where("parentPath"));
        return find(inScope.hql() + " order by createdAt desc, id", inScope.args()).page(page.page, page.size).list();
    }

    long count(Scope scope) {
        Where inScope = new Where().and(scope.where("parentPath"));
        return count(inScope.hql(), inScope.args());
    }

    /**
     * Records a received file in the caller's transaction; false when another import already holds its idempotency key.
     * Two requests racing with one key both pass the check: the loser's flush breaks the unique key, and its
     * transaction can only roll back, so that case throws {@link KeyTaken} for the caller to answer as a replay.
     */
    boolean insert(ImportJob job) {
        if (job.idempotencyKey() != null && findByKey(job.idempotencyKey()).isPresent()) {
            return false;
        }
        persist(job);
        if (!Constraints.flushed(this::flush, "import_job_idempotency_key_key")) {
            throw new KeyTaken();
        }
        return true;
    }

    /** Another import took the idempotency key between the check and the insert. */
    static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super("idempotency key taken", null, false, false);
        }
    }

    void started(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> findById(id).start(Instant.now()));
    }

    void progress(UUID id, long rowsDone) {
        QuarkusTransaction.requiringNew().run(() -> findById(id).progress(rowsDone, Instant.now()));
    }

    void succeeded(UUID id, long rowsDone, long units, long households) {
        QuarkusTransaction.requiringNew().run(() -> findById(id).succeed(rowsDone, units, households, Instant.now()));
    }

    void failed(UUID id, long rowsDone, List<RowError> errors, int errorCount) {
        String errorsJson;
        try {
            errorsJson = json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> findById(id).fail(rowsDone, errorsJson, errorCount, Instant.now()));
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
