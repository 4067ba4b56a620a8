package org.community.org.household;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.community.conventions.db.Db;
import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 党员中心户 designation: one current per household, history kept. */
public record CentralDesignation(UUID id, UUID householdId, LocalDate plaqueOn, Instant designatedAt, String note, Instant revokedAt,
        String revokeReason) {

    static final String COLUMNS = "id, household_id, plaque_on, designated_at, note, revoked_at, revoke_reason";

    static CentralDesignation map(ResultSet row) throws SQLException {
        return new CentralDesignation(Db.uuid(row, "id"), Db.uuid(row, "household_id"), Db.date(row, "plaque_on"),
                Db.instant(row, "designated_at"), row.getString("note"), Db.instant(row, "revoked_at"), row.getString("revoke_reason"));
    }

    @Schema(name = "CentralDesignationRecord", description = "One designation in a household's history")
    public record View(UUID id, @Schema(nullable = true) LocalDate plaqueDate, OffsetDateTime designatedAt, @Schema(nullable = true) String note, @Schema(nullable = true) OffsetDateTime revokedAt,
            @Schema(nullable = true) String revokeReason) {
    }

    View view() {
        return new View(id, plaqueOn, Times.local(designatedAt), note, Times.local(revokedAt), revokeReason);
    }
}
