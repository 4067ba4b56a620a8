package org.community.conventions.security;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses a token whose {@code iat} lies further in the future than the suite's clock-skew leeway
 * ({@code mp.jwt.verify.clock.skew}, the same leeway SmallRye JWT grants {@code exp}). SmallRye JWT accepts such a token:
 * it comes from an issuer whose clock cannot be trusted, and it would stay valid longer than its stated lifetime.
 * The gateway applies the same rule with the same leeway.
 */
@ApplicationScoped
public class IssuedAtGuard implements SecurityIdentityAugmentor {

    // the system clock, not the injectable one: SmallRye judges exp by it, and iat must be judged by the same clock
    private final Clock clock;
    private final long leewaySeconds;

    @Inject
    IssuedAtGuard(@ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long leewaySeconds) {
        this(Clock.systemUTC(), leewaySeconds);
    }

    IssuedAtGuard(Clock clock, long leewaySeconds) {
        this.clock = clock;
        this.leewaySeconds = leewaySeconds;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token && issuedInTheFuture(token)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token issued in the future (iat " + token.getIssuedAtTime() + ")"));
        }
        return Uni.createFrom().item(identity);
    }

    boolean issuedInTheFuture(JsonWebToken token) {
        long issuedAt = token.getIssuedAtTime();
        return issuedAt > 0 && issuedAt > clock.instant().getEpochSecond() + leewaySeconds;
    }
}
