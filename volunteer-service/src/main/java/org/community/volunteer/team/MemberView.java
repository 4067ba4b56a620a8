package org.community.volunteer.team;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TeamMember", description = "A member of a team; only readers of the team's scope see the list, with phones")
public record MemberView(UUID teamId, UUID volunteerId, @Schema(nullable = true) String name, @Schema(nullable = true) String phone, MemberRole role, BigDecimal verifiedHours,
        int starLevel, OffsetDateTime joinedAt) {
}
