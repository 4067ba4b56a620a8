package org.community.consultation.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Meeting", description = "A consultation meeting with its parties, registrations, attendance, minutes and follow-ups")
public record MeetingView(UUID id, String title, MeetingFormat format, @Schema(nullable = true) List<UUID> topicIds, OffsetDateTime startsAt, @Schema(nullable = true) OffsetDateTime endsAt,
        @Schema(nullable = true) String place, String convener, @Schema(description = "SCHEDULED, HELD or CANCELLED") String status,
        @Schema(nullable = true) List<MeetingInputs.Invitee> invited,
        @Schema(description = "People registered") long registered,
        @Schema(description = "People who attended") long attended,
        @Schema(nullable = true, description = "Registrations with attendance; in single reads") List<RegistrationView> registrations,
        @Schema(nullable = true) String minutes, @Schema(nullable = true) String minutesBy, @Schema(nullable = true) OffsetDateTime heldAt,
        @Schema(nullable = true, description = "Opinions recorded in the minutes, grouped by party; in single reads") List<PartyOpinions> opinions,
        @Schema(nullable = true) List<FollowUpView> followUps,
        @Schema(description = "Version, also sent as the ETag") long version, OffsetDateTime createdAt) {

    @Schema(name = "Registration")
    public record RegistrationView(UUID id, String personName, Party party, @Schema(nullable = true) OffsetDateTime registeredAt, @Schema(nullable = true) OffsetDateTime attendedAt) {
    }

    @Schema(name = "PartyOpinions", description = "What one party said")
    public record PartyOpinions(Party party, List<OpinionView> opinions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Opinion")
    public record OpinionView(@Schema(nullable = true, description = "Left out when the minutes do not name the speaker") String speaker, @Schema(nullable = true) UUID topicId, String opinion) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "FollowUp")
    public record FollowUpView(UUID id, String description, @Schema(nullable = true) String owner, @Schema(nullable = true) LocalDate dueOn, @Schema(nullable = true) OffsetDateTime doneAt) {
    }
}
