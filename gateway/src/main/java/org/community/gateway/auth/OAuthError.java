package org.community.gateway.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An error of the token endpoint, as RFC 6749 §5.2 spells it (OAuth clients expect this shape, not problem+json). */
@Schema(description = "An OAuth 2 token endpoint error (RFC 6749 §5.2)")
public record OAuthError(
        @Schema(enumeration = { "invalid_request", "invalid_client", "unsupported_grant_type" }) String error,
        @JsonProperty("error_description") @Schema(name = "error_description") String errorDescription) {
}
