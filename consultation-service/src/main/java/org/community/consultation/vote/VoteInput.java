package org.community.consultation.vote;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VoteInput", description = "A new vote on a topic. The rule must be at least as strong as the matter requires "
        + "(maintenance funds, rebuilding or altering buildings and facilities — elevators included — and changing the use of common "
        + "parts need OWNERS_MAJOR). The roll can be given here or added later while the vote is a DRAFT.",
        example = "{\"topicId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"title\":\"3 栋 1 单元加装电梯表决\",\"question\":\"是否同意加装电梯\","
                + "\"matter\":\"REBUILD_OR_ALTER\",\"rule\":\"OWNERS_MAJOR\",\"building\":\"3\",\"entrance\":\"1\","
                + "\"opensAt\":\"2023-08-20T09:00:00+08:00\",\"closesAt\":\"2023-09-03T18:00:00+08:00\",\"createdBy\":\"业委会 陈立\"}")
public record VoteInput(
        @NotNull @Schema(description = "The topic voted on") UUID topicId,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 2000) @Schema(description = "The question owners answer YES, NO or ABSTAIN to") String question,
        @NotNull @Schema(description = "What is decided; fixes the weakest allowed rule") VoteMatter matter,
        @NotNull @Schema(description = "How the vote is decided") VoteRule rule,
        @Size(max = 50) @Schema(description = "Narrows the electorate to one building (its label on the roll)", example = "3") String building,
        @Size(max = 50) @Schema(description = "Narrows the electorate to one entrance (单元) of that building", example = "1") String entrance,
        @NotNull @Schema(description = "Ballots accepted from") OffsetDateTime opensAt,
        @NotNull @Schema(description = "Ballots accepted until") OffsetDateTime closesAt,
        @NotBlank @Size(max = 100) @Schema(description = "Who sets up the vote") String createdBy,
        @Valid @Size(max = 50000) @Schema(description = "The roll, optional here") List<@NotNull @Valid ElectorInput> electors) {
}
