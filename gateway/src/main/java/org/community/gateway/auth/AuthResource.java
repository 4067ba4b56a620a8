package org.community.gateway.auth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.community.gateway.problem.ProblemException;
import org.community.gateway.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The built-in token issuer of the local suite (off in production: gateway.auth.issuer.enabled=false). */
@Path("/api/v1/auth")
@Tag(name = "auth", description = "Built-in token issuer of the local suite (登录与令牌)")
@SecurityScheme(securitySchemeName = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "RS256 access token of this issuer (POST /api/v1/auth/token) or of the identity provider")
public class AuthResource {

    /** The issuer's public keys as a JWKS (RFC 7517), for the contract; the body is built by {@link IssuerKeys#jwks()}. */
    @Schema(name = "Jwks", description = "JSON Web Key Set (RFC 7517)", requiredProperties = "keys")
    public record Jwks(@Schema(description = "The issuer's public keys: kty RSA, use sig, alg RS256, kid, n, e")
            List<Map<String, Object>> keys) {
    }

    @Inject
    TokenIssuer issuer;

    @Inject
    IssuerKeys keys;

    @Inject
    TokenVerifier verifier;

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueToken", summary = "Log in with user name and password and receive an access token",
            description = "The local suite's built-in issuer: the token (RS256, 1 h) carries the account's roles (groups) and "
                    + "org-unit scope (org_units). Production logs in at the identity provider instead.")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "Signed RS256 token",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "username or password missing",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "Unknown user name or wrong password",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "The built-in issuer is switched off",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "429", description = "Too many attempts from this address",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response token(@Valid @NotNull LoginRequest login) {
        return Response.ok(issuer.login(login)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueClientCredentialsToken", summary = "Token for a service account (OAuth 2 client-credentials grant)",
            description = "RFC 6749 §4.4: grant_type=client_credentials, the client authenticated by HTTP Basic or by client_id and "
                    + "client_secret form fields (one of the two). The token has sub service-account-<client id>, groups [SERVICE] and "
                    + "no org_units; clients are configuration (gateway.auth.issuer.clients.\"<id>\".secret). Errors as RFC 6749 §5.2.")
    @SecurityRequirementsSet // the client authenticates with its id and secret (HTTP Basic or form fields), not a bearer token
    @APIResponse(responseCode = "200", description = "Signed RS256 token",
            content = @Content(schema = @Schema(implementation = ClientTokenResponse.class)))
    @APIResponse(responseCode = "400", description = "invalid_request or unsupported_grant_type",
            content = @Content(schema = @Schema(implementation = OAuthError.class)))
    @APIResponse(responseCode = "401", description = "invalid_client: unknown client or wrong secret",
            content = @Content(schema = @Schema(implementation = OAuthError.class)))
    @APIResponse(responseCode = "404", description = "The built-in issuer is switched off",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response clientCredentials(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
        if (!issuer.enabled()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "issuerDisabled");
        }
        if (grantType == null || grantType.isBlank()) {
            return oauthError(400, "invalid_request", "grant_type is required");
        }
        if (!"client_credentials".equals(grantType)) {
            return oauthError(400, "unsupported_grant_type", "Only client_credentials is granted here");
        }
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && (clientSecret != null)) {
            return oauthError(400, "invalid_request", "Authenticate the client by one method: HTTP Basic or client_secret");
        }
        String id = clientId;
        String secret = clientSecret;
        if (basic) {
            String[] credentials = basicCredentials(authorization.substring(6).trim());
            if (credentials == null || (clientId != null && !clientId.equals(credentials[0]))) {
                return oauthError(401, "invalid_client", "Malformed HTTP Basic client credentials");
            }
            id = credentials[0];
            secret = credentials[1];
        }
        if (id == null || id.isBlank() || secret == null) {
            return oauthError(401, "invalid_client", "Client authentication is required");
        }
        return issuer.clientCredentials(id, secret)
                .map(token -> Response.ok(token).header("Cache-Control", "no-store").header("Pragma", "no-cache").build())
                .orElseGet(() -> oauthError(401, "invalid_client", "Unknown client or wrong secret"));
    }

    /** RFC 6749 §2.3.1: Basic base64(urlencoded id ":" urlencoded secret). */
    private static String[] basicCredentials(String encoded) {
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new String[] { java.net.URLDecoder.decode(decoded.substring(0, colon), java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(decoded.substring(colon + 1), java.nio.charset.StandardCharsets.UTF_8) };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response oauthError(int status, String error, String description) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache")
                .entity(new OAuthError(error, description));
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"community-suite\"");
        }
        return response.build();
    }

    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getIssuerKeys", summary = "Public keys of the built-in issuer (JWKS), for services verifying tokens",
            description = "Cached for 5 minutes; a service refetches it when a token names an unknown key id.")
    @SecurityRequirementsSet
    @APIResponse(responseCode = "200", description = "JSON Web Key Set (RFC 7517)",
            content = @Content(schema = @Schema(implementation = Jwks.class),
                    example = "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"…\",\"n\":\"…\",\"e\":\"AQAB\"}]}"))
    @APIResponse(responseCode = "404", description = "The built-in issuer is switched off",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response jwks() {
        if (!issuer.enabled()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "issuerDisabled");
        }
        Map<String, Object> body = keys.jwks();
        return Response.ok(body).header("Cache-Control", "public, max-age=300").build();
    }

    @GET
    @Path("accounts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAccounts", summary = "List the demo accounts with their roles and org-unit scopes (CITY_ADMIN only)",
            description = "Without passwords. Scopes set at run time (PUT …/org-units) win over the configured ones.")
    @SecurityRequirement(name = "bearerAuth")
    @APIResponse(responseCode = "200", description = "The demo accounts, by user name",
            content = @Content(schema = @Schema(implementation = AccountView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "401", description = "Missing or invalid token",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "The caller is not a CITY_ADMIN",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "The built-in issuer is switched off",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public List<AccountView> accounts(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        requireCityAdmin(authorization);
        return issuer.accounts();
    }

    @PUT
    @Path("accounts/{username}/org-units")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "setAccountOrgUnits", summary = "Set the org units a demo account is scoped to (CITY_ADMIN only; kept across restarts)",
            description = "Tokens issued after this call carry the new org_units claim; tokens already issued keep theirs "
                    + "until they expire. Used by the seed loader once org-service has given the seeded units their ids.")
    @APIResponse(responseCode = "200", description = "The account with its new scope",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    @APIResponse(responseCode = "400", description = "orgUnits missing, too many, or with a blank entry",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "Missing or invalid token",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "403", description = "The caller is not a CITY_ADMIN",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "No such demo account, or the built-in issuer is switched off",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public AccountView setOrgUnits(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("username") String username, @Valid @NotNull ScopeInput scope) {
        requireCityAdmin(authorization);
        return issuer.setOrgUnits(username, scope.orgUnits());
    }

    private void requireCityAdmin(String authorization) {
        if (!issuer.enabled()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "issuerDisabled");
        }
        Caller caller;
        try {
            caller = verifier.verify(authorization).toCompletionStage().toCompletableFuture().join();
        } catch (CompletionException e) {
            String key = e.getCause() instanceof AuthFailure failure ? failure.detailKey : "tokenInvalid";
            throw new ProblemException(ProblemType.UNAUTHORIZED, key);
        }
        if (!caller.roles().contains("CITY_ADMIN")) {
            throw new ProblemException(ProblemType.FORBIDDEN, "cityAdminOnly");
        }
    }
}
