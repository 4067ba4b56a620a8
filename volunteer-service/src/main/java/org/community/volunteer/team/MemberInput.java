package org.community.volunteer.team;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MemberInput", description = "A volunteer joining a team", example = "{\"volunteerId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a21\",\"role\":\"MEMBER\"}")
public record MemberInput(@NotNull UUID volunteerId, @Schema(description = "DEPUTY or MEMBER (default)") MemberRole role) {
}
