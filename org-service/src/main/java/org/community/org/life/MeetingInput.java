package org.community.org.life;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MeetingInput", description = "A meeting held by a unit, with the attendance of each member",
        example = "{\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"type\":\"GENERAL_MEETING\",\"heldOn\":\"2026-11-05\","
                + "\"topic\":\"学习党的二十届四中全会精神\",\"attendance\":[{\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"presence\":\"PRESENT\"}]}")
public record MeetingInput(
        @NotNull UUID unitId,
        @NotNull MeetingType type,
        @NotNull @PastOrPresent LocalDate heldOn,
        @NotBlank @Size(max = 200) String topic,
        @DecimalMin("0") @DecimalMax("24") @Schema(description = "Training credits (学时) for attending; the type's default when absent")
        BigDecimal creditHours,
        @NotNull @Size(max = 2000) List<@Valid @NotNull Attendee> attendance) {

    @Schema(name = "Attendee", description = "One member's attendance")
    public record Attendee(@NotNull UUID memberId, @NotNull Presence presence) {
    }
}
