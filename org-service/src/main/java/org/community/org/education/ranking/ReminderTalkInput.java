package org.community.org.education.ranking;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReminderTalkInput", description = "A reminder talk with a trainee at the bottom of a month's ranking",
        example = "{\"programId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a60\",\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\","
                + "\"month\":\"2024-12\",\"talkedBy\":\"王书记\",\"talkedOn\":\"2025-01-05\",\"notes\":\"工作忙未参学,约定补学两门课程\"}")
public record ReminderTalkInput(
        @NotNull UUID programId,
        @NotNull UUID memberId,
        @NotNull @Pattern(regexp = "[0-9]{4}-[0-9]{2}", message = "{edu.month.pattern}") String month,
        @NotBlank @Size(max = 50) @Schema(description = "Who talked with the trainee") String talkedBy,
        @NotNull @PastOrPresent LocalDate talkedOn,
        @NotBlank @Size(max = 2000) String notes) {
}
