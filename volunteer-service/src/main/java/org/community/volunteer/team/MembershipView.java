package org.community.volunteer.team;

import java.time.OffsetDateTime;
import java.util.UUID;

@org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Membership", description = "A team a volunteer belongs to")
public record MembershipView(UUID teamId, String teamName, String orgUnitName, String category, TeamStatus status, MemberRole role,
        OffsetDateTime joinedAt) {
}
