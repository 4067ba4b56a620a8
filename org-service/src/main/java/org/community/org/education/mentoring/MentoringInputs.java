package org.community.org.education.mentoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the mentoring studios. */
public final class MentoringInputs {

    private MentoringInputs() {
    }

    @Schema(name = "StudioInput", description = "A secretaries' studio (书记工作室) of a unit, led by an experienced secretary",
            example = "{\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"name\":\"红帆书记工作室\",\"leadMemberId\":"
                    + "\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"foundedOn\":\"2016-12-01\"}")
    public record Studio(@NotNull UUID unitId, @NotBlank @Size(max = 100) String name,
            @NotNull @Schema(description = "A party member of the unit's tree") UUID leadMemberId, @NotNull @PastOrPresent LocalDate foundedOn,
            @Size(max = 2000) String description) {
    }

    @Schema(name = "MentorshipInput", description = "A mentor and a mentee (带教), both members of the studio unit's tree, in any of its communities",
            example = "{\"mentorMemberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"menteeMemberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a21\","
                    + "\"startedOn\":\"2023-03-01\",\"goals\":\"业委会规范建设;三会一课组织\"}")
    public record Mentorship(@NotNull UUID mentorMemberId, @NotNull UUID menteeMemberId, @NotNull @PastOrPresent LocalDate startedOn,
            @NotBlank @Size(max = 2000) String goals) {
    }

    @Schema(name = "MentoringSessionInput", description = "A mentoring session with its notes, optionally assessing the mentee's progress",
            example = "{\"heldOn\":\"2023-04-12\",\"topic\":\"小区治理难题研讨\",\"notes\":\"梳理业委会换届流程\",\"hours\":2,\"progress\":30}")
    public record Session(@NotNull @PastOrPresent LocalDate heldOn, @NotBlank @Size(max = 200) String topic,
            @NotBlank @Size(max = 4000) String notes, @NotNull @DecimalMin("0.5") @DecimalMax("24") BigDecimal hours,
            @Min(0) @Max(100) @Schema(description = "The mentee's progress towards the goals, 0–100, as assessed at this session") Integer progress) {
    }

    @Schema(name = "MentorshipTransition", description = "Completing or ending a mentorship",
            example = "{\"to\":\"COMPLETED\",\"on\":\"2023-12-20\",\"outcome\":\"已能独立主持居民区议事\"}")
    public record Transition(@NotNull MentorshipStatus to, @NotNull @PastOrPresent LocalDate on, @NotBlank @Size(max = 2000) String outcome) {
    }
}
