package org.community.gateway.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

import org.community.gateway.GatewayConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Verifies bearer tokens with smallrye-jwt's parser, configured by {@code gateway.auth.verify.*}: the
 * key location (a PEM or JWKS file or URL, e.g. a Keycloak realm's certs endpoint), the issuer and the
 * audiences. Without a key location the built-in issuer's own public key is used.
 * <p>
 * A verified token is remembered (by its exact text, until it expires) so the signature is checked once
 * per token, not once per request. Checks that may fetch keys over the network run off the event loop.
 */
@Startup
@Singleton
public class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);
    private static final int MAX_CACHED = 50_000;
    private static final String BEARER = "Bearer ";

    private final JWTParser parser;
    private final long clockSkewSeconds;
    private final Vertx vertx;
    private final ConcurrentHashMap<String, Caller> verified = new ConcurrentHashMap<>();

    @Inject
    public TokenVerifier(GatewayConfig config, IssuerKeys keys, Vertx vertx) {
        this.vertx = vertx;
        GatewayConfig.Issuer builtIn = config.auth().issuer();
        GatewayConfig.Verify verify = config.auth().verify();
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        if (verify.publickeyLocation().isPresent()) {
            context.setPublicKeyLocation(verify.publickeyLocation().get());
            context.setJwksRefreshInterval(verify.jwksRefreshInterval());
            context.setForcedJwksRefreshInterval(verify.jwksForcedRefreshInterval());
        } else if (builtIn.enabled()) {
            context.setPublicVerificationKey(keys.publicKey());
        } else if (config.auth().enabled()) {
            throw new IllegalStateException(
                    "gateway.auth.issuer.enabled=false needs gateway.auth.verify.publickey-location (the provider's JWKS URL)");
        }
        context.setIssuedBy(verify.issuer().orElse(builtIn.enabled() ? builtIn.issuer() : null));
        Optional<List<String>> audiences = verify.audiences().or(() -> builtIn.enabled() ? Optional.of(List.of(builtIn.audience()))
                : Optional.empty());
        audiences.ifPresent(list -> context.setExpectedAudience(Set.copyOf(list)));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        this.clockSkewSeconds = config.auth().clockSkew().toSeconds();
        context.setClockSkew((int) clockSkewSeconds);
        context.setRequiredClaims(Set.of("sub", "exp", "iat"));
        this.parser = new DefaultJWTParser(context);
    }

    /** The caller of an {@code Authorization} header value, or a failed future with an {@link AuthFailure}. */
    public Future<Caller> verify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Future.failedFuture(new AuthFailure("tokenMissing"));
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Future.failedFuture(new AuthFailure("tokenNotBearer"));
        }
        String token = authorization.substring(BEARER.length()).trim();
        Caller known = verified.get(token);
        if (known != null) {
            if (known.expiresAtEpochSecond() + clockSkewSeconds >= System.currentTimeMillis() / 1000) {
                return Future.succeededFuture(known);
            }
            verified.remove(token);
        }
        return vertx.executeBlocking(() -> parse(token), false);
    }

    Caller parse(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw new AuthFailure(reason(e));
        }
        // jose4j leaves iat alone: a token "issued" beyond the leeway in the future is refused here
        if (jwt.getIssuedAtTime() > System.currentTimeMillis() / 1000 + clockSkewSeconds) {
            throw new AuthFailure("tokenIssuedInFuture");
        }
        Object units = jwt.getClaim(TokenClaims.ORG_UNITS);
        List<String> orgUnits = units instanceof java.util.Collection<?> collection
                ? collection.stream().map(TokenVerifier::text).toList()
                : List.of();
        Caller caller = new Caller(jwt.getSubject(), jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups()),
                orgUnits, jwt.getExpirationTime());
        if (verified.size() >= MAX_CACHED) {
            verified.clear();
        }
        verified.put(token, caller);
        return caller;
    }

    private static String text(Object value) {
        return value instanceof jakarta.json.JsonString json ? json.getString() : String.valueOf(value);
    }

    private static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return "tokenExpired";
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "tokenWrongIssuer";
                }
                if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return "tokenWrongAudience";
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
                    return "tokenBadSignature";
                }
            }
        }
        LOG.debugf(e, "token refused");
        return "tokenInvalid";
    }
}
