package org.community.org.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

import org.community.conventions.problem.Messages;
import org.community.org.tree.LevelRules;
import org.jboss.logging.Logger;

/** Runs imports one at a time per replica, in the background; progress and outcome go to the job row. */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "org-import");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LevelRules rules;

    @Inject
    ImportJobs jobs;

    /** {@code parentPath}: every imported row must land in this unit's subtree (null: anywhere, new roots included). */
    void submit(UUID jobId, Path file, ImportFormat format, Charset charset, Locale locale, String parentPath) {
        worker.submit(() -> run(jobId, file, format, charset, locale, parentPath));
    }

    private void run(UUID jobId, Path file, ImportFormat format, Charset charset, Locale locale, String parentPath) {
        jobs.started(jobId);
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            ImportRun run = new ImportRun(connection, file, format, charset, rules, locale, rows -> jobs.progress(jobId, rows), parentPath);
            boolean ok;
            try {
                ok = run.execute();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
            if (ok) {
                connection.commit();
                jobs.succeeded(jobId, run.rowsDone, run.unitsCreated, run.householdsCreated);
                LOG.infof("Import %s: %d units and %d households in %d ms", jobId, run.unitsCreated, run.householdsCreated,
                        (System.nanoTime() - started) / 1_000_000);
            } else {
                connection.rollback();
                jobs.failed(jobId, run.rowsDone, run.errors, run.errorCount);
            }
        } catch (Exception e) {
            LOG.errorf(e, "Import %s failed", jobId);
            jobs.failed(jobId, 0, List.of(new RowError(0, "file", Messages.get(locale, "problem.internal.detail"))), 1);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("Could not delete spooled import %s", file);
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
