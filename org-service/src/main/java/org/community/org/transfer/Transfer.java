package org.community.org.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.community.conventions.db.Db;
import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 组织关系转接: from the member's unit to another unit of the system (INTERNAL) or an organization outside it (EXTERNAL). */
public record Transfer(UUID id, UUID memberId, Kind kind, UUID fromUnitId, UUID toUnitId, String externalOrg, String letterNumber,
        String reason, TransferStatus status, LocalDate initiatedOn, LocalDate decidedOn, String decisionNote, long version,
        Instant createdAt, Instant updatedAt) {

    public enum Kind {
        INTERNAL, EXTERNAL
    }

    static final String COLUMNS = "id, member_id, kind, from_unit_id, to_unit_id, external_org, letter_number, reason, status,"
            + " initiated_on, decided_on, decision_note, version, created_at, updated_at";

    static Transfer map(ResultSet row) throws SQLException {
        return new Transfer(Db.uuid(row, "id"), Db.uuid(row, "member_id"), Db.enumValue(row, "kind", Kind.class),
                Db.uuid(row, "from_unit_id"), Db.uuid(row, "to_unit_id"), row.getString("external_org"), row.getString("letter_number"),
                row.getString("reason"), Db.enumValue(row, "status", TransferStatus.class), Db.date(row, "initiated_on"),
                Db.date(row, "decided_on"), row.getString("decision_note"), row.getLong("version"), Db.instant(row, "created_at"),
                Db.instant(row, "updated_at"));
    }

    Transfer decided(TransferStatus next, LocalDate on, String note, Instant now) {
        return new Transfer(id, memberId, kind, fromUnitId, toUnitId, externalOrg, letterNumber, reason, next, initiatedOn, on, note,
                version + 1, createdAt, now);
    }

    @Schema(name = "Transfer", description = "A transfer of a member's organizational relationship",
            example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a40\",\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\","
                    + "\"kind\":\"INTERNAL\",\"fromUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"toUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a11\","
                    + "\"letterNumber\":\"转字〔2026〕第0190f5a2号\",\"status\":\"PENDING\",\"initiatedOn\":\"2026-11-20\",\"version\":1}")
    public record View(UUID id, UUID memberId, Kind kind, @Schema(nullable = true) UUID fromUnitId, @Schema(nullable = true) UUID toUnitId, @Schema(nullable = true) String externalOrg, @Schema(nullable = true) String letterNumber,
            @Schema(nullable = true) String reason, TransferStatus status, LocalDate initiatedOn, @Schema(nullable = true) LocalDate decidedOn, @Schema(nullable = true) String decisionNote, long version,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public View view() {
        return new View(id, memberId, kind, fromUnitId, toUnitId, externalOrg, letterNumber, reason, status, initiatedOn, decidedOn,
                decisionNote, version, Times.local(createdAt), Times.local(updatedAt));
    }
}
