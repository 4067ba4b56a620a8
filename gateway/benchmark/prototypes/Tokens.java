import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.json.JsonObject;

/** Verified bearer tokens by their text, until they expire: the signature is checked once per token. */
final class Tokens {
    private static final int MAX_CACHED = 50_000;
    private final PublicKey key;
    private final ConcurrentHashMap<String, Long> expiryByToken = new ConcurrentHashMap<>();

    Tokens(PublicKey key) {
        this.key = key;
    }

    boolean valid(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String token = authorization.substring(7).trim();
        long now = System.currentTimeMillis() / 1000;
        Long expiry = expiryByToken.get(token);
        if (expiry != null) {
            return expiry >= now;
        }
        Long verified = verify(token, now);
        if (verified == null) {
            return false;
        }
        if (expiryByToken.size() >= MAX_CACHED) {
            expiryByToken.clear();
        }
        expiryByToken.put(token, verified);
        return true;
    }

    /** The token's exp when its RS256 signature and times hold, else null. */
    private Long verify(String token, long now) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(key);
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            long exp = claims.getLong("exp", 0L);
            long iat = claims.getLong("iat", 0L);
            return exp >= now && iat <= now + 30 ? exp : null;
        } catch (Exception e) {
            return null;
        }
    }

    static PublicKey fetchKey(String jwksUrl) throws Exception {
        String body = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(jwksUrl)).build(), BodyHandlers.ofString()).body();
        JsonObject jwk = new JsonObject(body).getJsonArray("keys").getJsonObject(0);
        Base64.Decoder b64 = Base64.getUrlDecoder();
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, b64.decode(jwk.getString("n"))), new BigInteger(1, b64.decode(jwk.getString("e")))));
    }
}
