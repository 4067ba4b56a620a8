package org.community.gateway.auth;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signed access token and what it says, so a front-end need not decode it. */
@Schema(requiredProperties = {"accessToken", "tokenType", "expiresIn", "subject", "name", "roles", "orgUnits"}, description = "An access token for Authorization: Bearer")
public record TokenResponse(
        @Schema(description = "The signed JWT (RS256)") String accessToken,
        @Schema(description = "Always Bearer", example = "Bearer") String tokenType,
        @Schema(description = "Seconds until the token expires", example = "3600") long expiresIn,
        @Schema(description = "The token's subject (sub)", example = "grid-worker") String subject,
        @Schema(description = "Display name", example = "网格员 李四") String name,
        @Schema(description = "Roles (groups claim)", example = "[\"GRID_WORKER\"]") Set<String> roles,
        @Schema(description = "org-service unit ids the caller is scoped to (org_units claim)") List<String> orgUnits) {
}
