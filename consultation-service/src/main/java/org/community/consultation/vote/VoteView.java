package org.community.consultation.vote;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Vote", description = "A vote with its roll totals; the live figures are under /tally")
public record VoteView(UUID id, @Schema(nullable = true) UUID topicId, String title, String question, VoteMatter matter, VoteRule rule, @Schema(nullable = true) String building,
        @Schema(nullable = true) String entrance, @Schema(nullable = true) OffsetDateTime opensAt, @Schema(nullable = true) OffsetDateTime closesAt, VoteStatus status,
        @Schema(description = "Units on the roll") long totalUnits,
        @Schema(description = "Owners on the roll (an owner of several units once)") long totalOwners,
        @Schema(nullable = true, description = "Floor area on the roll, m²") BigDecimal totalAreaM2,
        @Schema(description = "Ballots cast so far") long ballots,
        @Schema(nullable = true, description = "When closed: PASSED, REJECTED or QUORUM_NOT_MET") VoteRule.Outcome outcome,
        @Schema(nullable = true) OffsetDateTime openedAt, @Schema(nullable = true) OffsetDateTime closedAt, String createdBy,
        @Schema(description = "Version, also sent as the ETag") long version, OffsetDateTime createdAt) {

    static VoteView of(Vote v) {
        return new VoteView(v.id(), v.topicId(), v.title(), v.question(), v.matter(), v.rule(), v.building(), v.entrance(),
                Times.local(v.opensAt()), Times.local(v.closesAt()), v.status(), v.totalUnits(), v.totalOwners(),
                Areas.toSquareMetres(v.totalArea()), v.ballots(), v.outcome(), Times.local(v.openedAt()), Times.local(v.closedAt()),
                v.createdBy(), v.version(), Times.local(v.createdAt()));
    }
}
