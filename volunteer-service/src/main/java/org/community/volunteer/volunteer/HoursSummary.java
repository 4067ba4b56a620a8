package org.community.volunteer.volunteer;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "HoursSummary", description = "A volunteer's verified hours, star level and the way to the next star",
        example = "{\"volunteerId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"verifiedHours\":126.5,\"starLevel\":1,\"nextStarAtHours\":300,"
                + "\"hoursToNextStar\":173.5,\"byYear\":[{\"year\":2023,\"verifiedHours\":126.5}]}")
public record HoursSummary(UUID volunteerId, BigDecimal verifiedHours, int starLevel,
        @Schema(nullable = true, description = "Hours of the next star; absent at five stars") Integer nextStarAtHours,
        @Schema(nullable = true) BigDecimal hoursToNextStar, List<YearHours> byYear) {

    public record YearHours(int year, BigDecimal verifiedHours) {
    }
}
