package org.community.gateway.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.community.gateway.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * Org-unit scopes of the demo accounts set at run time (by the seed loader, once it knows the ids org-service
 * gave the seeded units). They override {@code gateway.auth.issuer.accounts.<name>.org-units} and are kept in
 * {@code <key-dir>/account-org-units.json}, so they survive a restart of the gateway.
 */
@ApplicationScoped
public class AccountScopes {

    private static final Logger LOG = Logger.getLogger(AccountScopes.class);
    static final String FILE = "account-org-units.json";

    private final Path file;
    private final ObjectMapper json;
    private final Map<String, List<String>> scopes = new TreeMap<>();

    @Inject
    public AccountScopes(GatewayConfig config, ObjectMapper json) {
        this.file = Path.of(config.auth().issuer().keyDir()).toAbsolutePath().resolve(FILE);
        this.json = json;
        if (Files.exists(file)) {
            try {
                scopes.putAll(json.readValue(file.toFile(), new TypeReference<Map<String, List<String>>>() {
                }));
                LOG.infof("demo account scopes read from %s: %s", file, scopes.keySet());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the demo account scopes in " + file, e);
            }
        }
    }

    public synchronized Optional<List<String>> of(String username) {
        return Optional.ofNullable(scopes.get(username));
    }

    /** Replaces the account's scope and writes the file (whole, then renamed over the old one). */
    public synchronized void set(String username, List<String> orgUnits) {
        Map<String, List<String>> next = new TreeMap<>(scopes);
        next.put(username, List.copyOf(orgUnits));
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), next);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo account scopes to " + file, e);
        }
        scopes.clear();
        scopes.putAll(next);
    }
}
