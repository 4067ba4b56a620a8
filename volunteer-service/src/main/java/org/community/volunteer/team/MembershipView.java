package org.community.volunteer.team;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Membership", description = "A team a volunteer belongs to")
public record MembershipView(UUID teamId, String teamName, @Schema(nullable = true) String orgUnitName, @Schema(nullable = true) String category, TeamStatus status, MemberRole role,
        OffsetDateTime joinedAt) {
}
