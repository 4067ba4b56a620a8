package org.community.org.imports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Import", description = "An import run and its progress",
        example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a99\",\"format\":\"CSV\",\"status\":\"RUNNING\",\"totalRows\":5166500,"
                + "\"rowsDone\":1200000,\"unitsCreated\":0,\"householdsCreated\":0,\"errorCount\":0,\"errors\":[],"
                + "\"createdAt\":\"2023-08-20T09:00:00+08:00\",\"startedAt\":\"2023-08-20T09:00:01+08:00\"}")
public record ImportView(UUID id, ImportFormat format, ImportStatus status,
        @Schema(description = "Rows in the file (the CSV header not counted)") long totalRows,
        @Schema(description = "Rows checked so far") long rowsDone,
        long unitsCreated, long householdsCreated,
        @Schema(description = "Rejected rows; the first 200 are listed") int errorCount, List<RowError> errors,
        OffsetDateTime createdAt, @Schema(nullable = true) OffsetDateTime startedAt, @Schema(nullable = true) OffsetDateTime finishedAt) {

    static ImportView of(ImportJob job, List<RowError> errors) {
        ImportStatus status = job.status() == ImportStatus.RUNNING && job.heartbeatAt().isBefore(ImportJobs.staleBefore())
                ? ImportStatus.ABANDONED : job.status();
        return new ImportView(job.id(), job.format(), status, job.totalRows(), job.rowsDone(), job.unitsCreated(),
                job.householdsCreated(), job.errorCount(), errors, Times.local(job.createdAt()), Times.local(job.startedAt()),
                Times.local(job.finishedAt()));
    }
}
