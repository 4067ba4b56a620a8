package org.community.gateway.auth;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.gateway.GatewayConfig;
import org.community.gateway.problem.ProblemException;
import org.community.gateway.problem.ProblemType;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/** Checks a demo account's password and signs its access token (claims: see README "Token contract"). */
@ApplicationScoped
public class TokenIssuer {

    private final GatewayConfig.Issuer config;
    private final IssuerKeys keys;
    private final AccountScopes scopes;

    @Inject
    public TokenIssuer(GatewayConfig config, IssuerKeys keys, AccountScopes scopes) {
        this.config = config.auth().issuer();
        this.keys = keys;
        this.scopes = scopes;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Blocking (the password hash is deliberately slow): call from a worker thread. */
    public TokenResponse login(LoginRequest login) {
        requireEnabled();
        String username = login.username().trim().toLowerCase(Locale.ROOT);
        GatewayConfig.Account account = config.accounts().get(username);
        if (account == null) {
            PasswordHash.decoy(login.password());
            throw new ProblemException(ProblemType.UNAUTHORIZED, "invalidCredentials");
        }
        if (!PasswordHash.matches(login.password(), account.passwordHash())) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "invalidCredentials");
        }
        AccountView view = view(username, account);
        return sign(username, view.displayName(), view.roles(), view.orgUnits());
    }

    /** The demo accounts with their current scopes, by user name. */
    public List<AccountView> accounts() {
        requireEnabled();
        return new TreeMap<>(config.accounts()).entrySet().stream().map(e -> view(e.getKey(), e.getValue())).toList();
    }

    /** Sets a demo account's org units; tokens issued from now on carry them. */
    public AccountView setOrgUnits(String username, List<String> orgUnits) {
        requireEnabled();
        GatewayConfig.Account account = config.accounts().get(username);
        if (account == null) {
            throw ProblemException.notFound("account", username);
        }
        scopes.set(username, orgUnits.stream().map(String::trim).distinct().toList());
        return view(username, account);
    }

    /**
     * The client-credentials grant (RFC 6749 §4.4): a token for the service account of a configured client, with
     * role SERVICE and no org units. Empty when the client is unknown or the secret wrong.
     */
    public java.util.Optional<ClientTokenResponse> clientCredentials(String clientId, String secret) {
        requireEnabled();
        GatewayConfig.Client client = clientId == null ? null : config.clients().get(clientId);
        byte[] given = secret == null ? new byte[0] : secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] expected = client == null ? new byte[32] : client.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean matches = java.security.MessageDigest.isEqual(given, expected);
        if (client == null || client.secret().isBlank() || !matches) {
            return java.util.Optional.empty();
        }
        long now = Instant.now().getEpochSecond();
        long lifespan = config.lifespan().toSeconds();
        String subject = SERVICE_ACCOUNT_PREFIX + clientId;
        String token = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(subject)
                .upn(subject)
                .preferredUserName(subject)
                .claim(TokenClaims.NAME, subject)
                .claim("azp", clientId)
                .groups(Set.of(SERVICE_ROLE))
                .issuedAt(now)
                .expiresAt(now + lifespan)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.keyId())
                .sign(keys.privateKey());
        return java.util.Optional.of(new ClientTokenResponse(token, "Bearer", lifespan));
    }

    /** The role of service accounts (the change feed of org-service is theirs). */
    public static final String SERVICE_ROLE = "SERVICE";
    /** A service account's subject, as Keycloak names it too. */
    public static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private void requireEnabled() {
        if (!config.enabled()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "issuerDisabled");
        }
    }

    private AccountView view(String username, GatewayConfig.Account account) {
        Set<String> roles = new LinkedHashSet<>(account.roles().stream().map(String::trim).toList());
        List<String> orgUnits = scopes.of(username)
                .orElseGet(() -> account.orgUnits().orElse(List.of()).stream().map(String::trim).filter(u -> !u.isEmpty()).toList());
        return new AccountView(username, account.displayName().orElse(username), roles, orgUnits);
    }

    TokenResponse sign(String subject, String name, Set<String> roles, List<String> orgUnits) {
        long now = Instant.now().getEpochSecond();
        long lifespan = config.lifespan().toSeconds();
        String token = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(subject)
                .upn(subject)
                .preferredUserName(subject)
                .claim(TokenClaims.NAME, name)
                .groups(roles)
                .claim(TokenClaims.ORG_UNITS, orgUnits)
                .issuedAt(now)
                .expiresAt(now + lifespan)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.keyId())
                .sign(keys.privateKey());
        return new TokenResponse(token, "Bearer", lifespan, subject, name, roles, orgUnits);
    }
}
