package org.community.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

import org.community.gateway.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * The built-in issuer's RSA key pair. Either both PEM files are configured (a mounted secret), or the pair
 * lives in {@code gateway.auth.issuer.key-dir} and is generated there at first start. The public half is
 * published as a JWKS so services can verify tokens without any shared secret.
 */
@Startup
@ApplicationScoped
public class IssuerKeys {

    private static final Logger LOG = Logger.getLogger(IssuerKeys.class);
    static final String PRIVATE_FILE = "private-key.pem";
    static final String PUBLIC_FILE = "public-key.pem";

    private final PrivateKey privateKey;
    private final RSAPublicKey publicKey;
    private final String keyId;

    @Inject
    public IssuerKeys(GatewayConfig config) {
        GatewayConfig.Issuer issuer = config.auth().issuer();
        if (!issuer.enabled()) {
            privateKey = null;
            publicKey = null;
            keyId = null;
            return;
        }
        try {
            Path privatePath;
            Path publicPath;
            if (issuer.privateKeyLocation().isPresent() && issuer.publicKeyLocation().isPresent()) {
                privatePath = Path.of(issuer.privateKeyLocation().get());
                publicPath = Path.of(issuer.publicKeyLocation().get());
            } else {
                Path dir = Path.of(issuer.keyDir()).toAbsolutePath();
                privatePath = dir.resolve(PRIVATE_FILE);
                publicPath = dir.resolve(PUBLIC_FILE);
                if (!Files.exists(privatePath) || !Files.exists(publicPath)) {
                    generate(dir, privatePath, publicPath);
                }
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(privatePath)));
            publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pem(publicPath)));
            keyId = thumbprint(publicKey);
            LOG.infof("built-in token issuer uses key %s from %s", keyId, privatePath.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the issuer keys", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the issuer keys are not a valid RSA key pair in PEM (PKCS#8 / X.509)", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The JSON Web Key Set with the one signing key. */
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(Map.of(
                "kty", "RSA",
                "use", "sig",
                "alg", "RS256",
                "kid", keyId,
                "n", base64Url(publicKey.getModulus()),
                "e", base64Url(publicKey.getPublicExponent()))));
    }

    private static void generate(Path dir, Path privatePath, Path publicPath) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.deleteIfExists(privatePath);
        Files.createFile(privatePath);
        try {
            Files.setPosixFilePermissions(privatePath, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        Files.writeString(privatePath, toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicPath, toPem("PUBLIC KEY", pair.getPublic().getEncoded()));
        LOG.infof("generated a new RSA key pair for the built-in issuer in %s", dir);
    }

    private static String toPem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] pem(Path file) throws IOException {
        String text = Files.readString(file).replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }

    /** RFC 7638 JWK thumbprint: stable for a key, so services can pick it by kid. */
    static String thumbprint(RSAPublicKey key) throws GeneralSecurityException {
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
