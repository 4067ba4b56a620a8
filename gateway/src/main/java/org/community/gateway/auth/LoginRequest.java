package org.community.gateway.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A password login at the built-in issuer. */
@Schema(description = "User name and password of a configured account", example = "{\"username\":\"grid-worker\",\"password\":\"demo-grid\"}")
public record LoginRequest(
        @NotBlank @Size(max = 100) @Schema(description = "Account name", example = "grid-worker") String username,
        @NotBlank @Size(max = 200) @Schema(description = "Password", example = "demo-grid") String password) {
}
