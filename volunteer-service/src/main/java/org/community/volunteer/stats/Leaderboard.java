package org.community.volunteer.stats;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Leaderboard", description = "Volunteers of a subtree by verified hours, all-time or of one year")
public record Leaderboard(@Schema(nullable = true) UUID orgUnitId, @Schema(nullable = true) String orgUnitName, @Schema(nullable = true, description = "The year; null for all-time hours") Integer year,
        List<LeaderboardEntry> entries) {
}
