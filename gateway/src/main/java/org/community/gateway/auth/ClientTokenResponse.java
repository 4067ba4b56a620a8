package org.community.gateway.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of the client-credentials grant, as RFC 6749 §5.1 spells it. */
@Schema(description = "An access token of a service account (RFC 6749 §5.1)")
public record ClientTokenResponse(
        @JsonProperty("access_token") @Schema(name = "access_token", description = "The signed JWT (RS256)") String accessToken,
        @JsonProperty("token_type") @Schema(name = "token_type", example = "Bearer") String tokenType,
        @JsonProperty("expires_in") @Schema(name = "expires_in", description = "Seconds until the token expires", example = "3600") long expiresIn) {
}
