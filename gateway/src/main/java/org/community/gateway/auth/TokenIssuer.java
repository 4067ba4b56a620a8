package org.community.gateway.auth;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    @Inject
    public TokenIssuer(GatewayConfig config, IssuerKeys keys) {
        this.config = config.auth().issuer();
        this.keys = keys;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Blocking (the password hash is deliberately slow): call from a worker thread. */
    public TokenResponse login(LoginRequest login) {
        if (!config.enabled()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "issuerDisabled");
        }
        String username = login.username().trim().toLowerCase(Locale.ROOT);
        GatewayConfig.Account account = config.accounts().get(username);
        if (account == null) {
            PasswordHash.decoy(login.password());
            throw new ProblemException(ProblemType.UNAUTHORIZED, "invalidCredentials");
        }
        if (!PasswordHash.matches(login.password(), account.passwordHash())) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "invalidCredentials");
        }
        Set<String> roles = new LinkedHashSet<>(account.roles().stream().map(String::trim).toList());
        List<String> orgUnits = account.orgUnits().orElse(List.of()).stream().map(String::trim).toList();
        String name = account.displayName().orElse(username);
        return sign(username, name, roles, orgUnits);
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
