package org.community.consultation.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of meetings. */
public final class MeetingInputs {

    private MeetingInputs() {
    }

    @Schema(name = "MeetingInput", description = "A consultation meeting on one or more topics",
            example = "{\"title\":\"加装电梯第 12 次圆桌会\",\"format\":\"ROUND_TABLE\",\"topicIds\":[\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\"],"
                    + "\"startsAt\":\"2023-08-26T19:30:00+08:00\",\"endsAt\":\"2023-08-26T21:00:00+08:00\",\"place\":\"文康苑小区议事厅\","
                    + "\"convener\":\"社区党委 王红\",\"invited\":[{\"party\":\"PROPERTY_COMPANY\",\"name\":\"康居物业\"},"
                    + "{\"party\":\"OWNERS_COMMITTEE\",\"name\":\"文康苑业委会\"}]}")
    public record MeetingInput(
            @NotBlank @Size(max = 200) String title,
            @NotNull MeetingFormat format,
            @NotEmpty @Size(max = 20) List<@NotNull UUID> topicIds,
            @NotNull OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            @NotBlank @Size(max = 200) String place,
            @NotBlank @Size(max = 100) String convener,
            @Valid @Size(max = 50) List<@NotNull @Valid Invitee> invited) {
    }

    @Schema(name = "Invitee", description = "A party invited to the table")
    public record Invitee(@NotNull Party party, @NotBlank @Size(max = 100) String name) {
    }

    @Schema(name = "RegistrationInput", example = "{\"personName\":\"张建国\",\"party\":\"RESIDENT\"}")
    public record RegistrationInput(@NotBlank @Size(max = 100) String personName, @NotNull Party party) {
    }

    @Schema(name = "MinutesInput", description = "What was said, per party, and what follows",
            example = "{\"summary\":\"多数住户同意加装,一楼住户担心采光\",\"recordedBy\":\"居委会 李娜\",\"opinions\":[{\"party\":\"RESIDENT\","
                    + "\"speaker\":\"王秀英\",\"opinion\":\"一楼采光受影响\"}],\"followUps\":[{\"description\":\"测算采光影响\",\"owner\":\"设计单位\","
                    + "\"dueOn\":\"2023-09-10\"}]}")
    public record MinutesInput(
            @NotBlank @Size(max = 20000) String summary,
            @NotBlank @Size(max = 100) String recordedBy,
            @Valid @Size(max = 500) List<@NotNull @Valid OpinionInput> opinions,
            @Valid @Size(max = 100) List<@NotNull @Valid FollowUpInput> followUps) {
    }

    @Schema(name = "OpinionInput")
    public record OpinionInput(@NotNull Party party, @Size(max = 100) String speaker,
            @Schema(description = "The topic the opinion is about, one of the meeting's") UUID topicId,
            @NotBlank @Size(max = 5000) String opinion) {
    }

    @Schema(name = "FollowUpInput")
    public record FollowUpInput(@NotBlank @Size(max = 2000) String description, @NotBlank @Size(max = 100) String owner, LocalDate dueOn) {
    }
}
