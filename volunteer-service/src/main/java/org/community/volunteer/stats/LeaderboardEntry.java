package org.community.volunteer.stats;

import java.math.BigDecimal;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LeaderboardEntry", description = "One place of the hours leaderboard",
        example = "{\"rank\":1,\"volunteerId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"name\":\"李娜\",\"verifiedHours\":1520.5,\"starLevel\":5}")
public record LeaderboardEntry(int rank, UUID volunteerId, String name, BigDecimal verifiedHours, int starLevel) {
}
