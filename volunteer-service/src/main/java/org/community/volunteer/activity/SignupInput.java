package org.community.volunteer.activity;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SignupInput", description = "A volunteer signing up", example = "{\"volunteerId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\"}")
public record SignupInput(@NotNull UUID volunteerId) {
}
