package org.community.consultation.vote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash chain of a vote's ballots: each ballot's hash covers its own content and the previous ballot's
 * hash, starting from a genesis hash of the vote id. Changing, removing or reordering any ballot breaks
 * every later link.
 */
public final class BallotChain {

    private BallotChain() {
    }

    public static String genesis(UUID voteId) {
        return sha256("vote:" + voteId);
    }

    public static String hash(String prevHash, UUID voteId, long seq, String ownerKey, Choice choice, int units, long area,
            Channel channel, String proxyName, String authorizationRef, String evidenceRef, String enteredBy, Instant castAt) {
        long micros = castAt.getEpochSecond() * 1_000_000L + castAt.getNano() / 1_000;
        String content = String.join("|", prevHash, voteId.toString(), Long.toString(seq), nz(ownerKey), choice.name(), Integer.toString(units),
                Long.toString(area), channel.name(), nz(proxyName), nz(authorizationRef), nz(evidenceRef), nz(enteredBy),
                Long.toString(micros));
        return sha256(content);
    }

    private static String nz(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("|", "\\|");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
