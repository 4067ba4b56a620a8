package org.community.org.tree;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MoveRequest", description = "Where to move a unit with its whole subtree",
        example = "{\"newParentId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\"}")
public record MoveRequest(@NotNull @Schema(description = "The new parent unit") UUID newParentId) {
}
