package org.community.consultation.vote;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.conventions.db.Db;
import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Ballot", description = "A cast ballot: immutable, chained to the previous ballot of the vote by hash")
public record BallotView(UUID id, UUID voteId, @Schema(description = "Position in the vote's chain, from 1") long seq, @Schema(nullable = true) String ownerKey,
        @Schema(nullable = true) Choice choice, @Schema(description = "Units of the owner on the roll") int units,
        @Schema(nullable = true, description = "Their floor area, m²") BigDecimal areaM2, @Schema(nullable = true) Channel channel, @Schema(nullable = true) String proxyName, @Schema(nullable = true) String authorizationRef,
        @Schema(nullable = true) String evidenceRef, @Schema(nullable = true) String enteredBy, OffsetDateTime castAt,
        @Schema(nullable = true, description = "SHA-256 of the previous ballot (or of the vote's genesis)") String prevHash,
        @Schema(nullable = true, description = "SHA-256 over this ballot's content and prevHash") String hash) {

    static final String COLUMNS = "id, vote_id, seq, owner_key, choice, units, area, channel, proxy_name, authorization_ref, evidence_ref,"
            + " entered_by, cast_at, prev_hash, hash";

    static BallotView map(ResultSet r) throws SQLException {
        return new BallotView(Db.uuid(r, "id"), Db.uuid(r, "vote_id"), r.getLong("seq"), r.getString("owner_key"),
                Db.enumValue(r, "choice", Choice.class), r.getInt("units"), Areas.toSquareMetres(r.getLong("area")),
                Db.enumValue(r, "channel", Channel.class), r.getString("proxy_name"), r.getString("authorization_ref"),
                r.getString("evidence_ref"), r.getString("entered_by"), castAt(Db.instant(r, "cast_at")), r.getString("prev_hash"),
                r.getString("hash"));
    }

    /** To the microsecond, unlike other times: the ballot's hash covers the cast time at that precision, so an auditor can recompute it. */
    static OffsetDateTime castAt(Instant instant) {
        return instant.atZone(Times.ZONE).toOffsetDateTime();
    }

    Instant castInstant() {
        return castAt.toInstant();
    }
}
