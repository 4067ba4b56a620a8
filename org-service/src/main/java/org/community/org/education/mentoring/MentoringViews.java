package org.community.org.education.mentoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The read models of studios, mentorships and their sessions. */
public final class MentoringViews {

    private MentoringViews() {
    }

    @Schema(name = "Studio", description = "A secretaries' studio (书记工作室)")
    public record Studio(UUID id, UUID unitId, String unitName, String name, @Schema(nullable = true) UUID leadMemberId, @Schema(nullable = true) String leadName, @Schema(nullable = true) LocalDate foundedOn,
            @Schema(nullable = true) String description, long activeMentorships, long mentorships, long version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Mentorship", description = "A mentor/mentee pair, with the mentee's progress; `sessions` on the single read")
    public record Mentorship(UUID id, UUID studioId, String studioName, Person mentor, Person mentee, LocalDate startedOn, @Schema(nullable = true) String goals,
            MentorshipStatus status, @Schema(nullable = true) LocalDate endedOn, @Schema(nullable = true) String outcome,
            @Schema(description = "The latest assessed progress, 0–100") int progress, long sessionCount,
            @Schema(description = "Hours of mentoring so far") BigDecimal hours, @Schema(nullable = true) LocalDate lastSessionOn, long version,
            List<Session> sessions) {
    }

    @Schema(name = "MentoringPerson", description = "A mentor or mentee and the unit (community) they serve in")
    public record Person(UUID memberId, String name, UUID unitId, String unitName) {
    }

    @Schema(name = "MentoringSession", description = "A mentoring session with its notes")
    public record Session(UUID id, LocalDate heldOn, @Schema(nullable = true) String topic, @Schema(nullable = true) String notes, BigDecimal hours, @Schema(nullable = true) Integer progress, @Schema(nullable = true) String recordedBy) {
    }
}
