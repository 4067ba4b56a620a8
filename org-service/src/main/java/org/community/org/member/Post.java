package org.community.org.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.community.conventions.db.Db;
import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post held on a unit for a term; {@code endedOn} null while held. History is never deleted. */
public record Post(UUID id, UUID unitId, PostRole role, UUID memberId, String holderName, LocalDate startsOn, LocalDate termEndsOn,
        LocalDate endedOn, String endReason, long version, Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "id, unit_id, role, member_id, holder_name, starts_on, term_ends_on, ended_on, end_reason, version,"
            + " created_at, updated_at";

    static Post map(ResultSet row) throws SQLException {
        return new Post(Db.uuid(row, "id"), Db.uuid(row, "unit_id"), Db.enumValue(row, "role", PostRole.class), Db.uuid(row, "member_id"),
                row.getString("holder_name"), Db.date(row, "starts_on"), Db.date(row, "term_ends_on"), Db.date(row, "ended_on"),
                row.getString("end_reason"), row.getLong("version"), Db.instant(row, "created_at"), Db.instant(row, "updated_at"));
    }

    @Schema(name = "Post", description = "A post on a unit with its term",
            example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a30\",\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\","
                    + "\"role\":\"SECRETARY\",\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"holderName\":\"王红\","
                    + "\"startsOn\":\"2021-10-01\",\"termEndsOn\":\"2026-09-30\",\"active\":true,\"version\":1}")
    public record View(UUID id, UUID unitId, PostRole role, @Schema(nullable = true) UUID memberId, String holderName, LocalDate startsOn, @Schema(nullable = true) LocalDate termEndsOn,
            @Schema(nullable = true) LocalDate endedOn, @Schema(nullable = true) String endReason, @Schema(description = "Held now") boolean active, long version, OffsetDateTime createdAt) {
    }

    public View view() {
        return new View(id, unitId, role, memberId, holderName, startsOn, termEndsOn, endedOn, endReason, endedOn == null, version,
                Times.local(createdAt));
    }
}
