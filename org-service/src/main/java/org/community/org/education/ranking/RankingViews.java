package org.community.org.education.ranking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The read models of the monthly ranking and the reminder talks. */
public final class RankingViews {

    private RankingViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RankingLine", description = "A trainee's place in a program's ranking of a month")
    public record Line(@Schema(description = "1 = most credits this month; ties share a place") int rank, UUID memberId, String name,
            UUID unitId, @Schema(nullable = true) String unitName, @Schema(description = "Credits earned in the month") BigDecimal monthCredits,
            @Schema(description = "Credits earned in the program up to the month's end") BigDecimal totalCredits,
            @Schema(description = "优秀学员 of the month by the configured rule") boolean excellent,
            @Schema(description = "At the bottom of the ranking by the configured rule: a reminder talk (约谈提醒) is due") boolean bottom,
            @Schema(nullable = true, description = "The reminder talk of the month, when recorded") ReminderTalk reminderTalk) {
    }

    @Schema(name = "Ranking", description = "How the month's ranking was drawn: the rule in force and the counts")
    public record Rule(UUID programId, String month, long trainees,
            @Schema(description = "Places that count as excellent (ties included)") int excellentPlaces, @Schema(nullable = true) BigDecimal excellentMinCredits,
            @Schema(description = "Places from the bottom that count as the bottom (ties included)") int bottomPlaces,
            @Schema(nullable = true) BigDecimal bottomMaxCredits) {
    }

    @Schema(name = "MyRanking", description = "The caller's own place in a program's ranking of a month")
    public record Mine(Rule rule, @Schema(nullable = true) Line line) {
    }

    @Schema(name = "ReminderTalk", description = "约谈提醒: who talked with the trainee, when, and what was said")
    public record ReminderTalk(UUID id, UUID programId, UUID memberId, String memberName, String month, @Schema(nullable = true) String talkedBy, LocalDate talkedOn,
            @Schema(nullable = true) String notes, String recordedBy, OffsetDateTime createdAt) {
    }
}
