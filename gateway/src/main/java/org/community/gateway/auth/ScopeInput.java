package org.community.gateway.auth;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The org units a demo account acts in (the subtrees of these org-service unit ids). */
@Schema(example = "{\"orgUnits\":[\"0192f1c4-7a3e-7c1a-9c55-3f0e6d1b2a10\"]}")
public record ScopeInput(
        @NotNull @Size(max = 100) List<@NotBlank @Size(max = 64) String> orgUnits) {
}
