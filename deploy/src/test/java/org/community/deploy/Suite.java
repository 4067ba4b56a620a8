package org.community.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The repository as the deploy tests see it: the services' modules and their configuration. */
final class Suite {

    static final List<String> SERVICES = List.of("org-service", "volunteer-service", "consultation-service");
    static final List<String> MODULES = List.of("org-service", "volunteer-service", "consultation-service", "gateway");
    /** Each service's database and login, as deploy/compose/postgres/init.sql creates them. */
    static final Map<String, String> DATABASES = Map.of(
            "org-service", "org", "volunteer-service", "volunteer", "consultation-service", "consultation");
    static final String VERSION = "1.0.0-SNAPSHOT";

    private Suite() {
    }

    static Path root() {
        String configured = System.getProperty("suite.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        return root.toAbsolutePath().normalize();
    }

    static Path deploy() {
        return root().resolve("deploy");
    }

    /** The module's src/main/resources/application.properties (default profile values, %profile keys kept as-is). */
    static Properties properties(String module) {
        Path file = root().resolve(module).resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The port of /q/health and /q/metrics in production: {@code quarkus.management.port}, Quarkus' default 9000. */
    static int managementPort(String module) {
        return Integer.parseInt(properties(module).getProperty("quarkus.management.port", "9000"));
    }

    static int httpPort(String module) {
        String port = properties(module).getProperty("quarkus.http.port");
        if (port == null) {
            throw new AssertionError(module + " sets no quarkus.http.port");
        }
        return Integer.parseInt(port.trim());
    }

    /** {@code quarkus.rest-client.<name>.url} keys of a module: client name → default URL. */
    static Map<String, String> restClients(String module) {
        return byPattern(properties(module), "quarkus.rest-client.", ".url");
    }

    /** {@code gateway.routes.<name>.url} keys of the gateway: route name → default URL. */
    static Map<String, String> gatewayRoutes() {
        return byPattern(properties("gateway"), "gateway.routes.", ".url");
    }

    private static Map<String, String> byPattern(Properties properties, String prefix, String suffix) {
        Map<String, String> found = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(prefix) && key.endsWith(suffix)) {
                String name = key.substring(prefix.length(), key.length() - suffix.length());
                if (!name.contains(".")) {
                    found.put(name, properties.getProperty(key));
                }
            }
        }
        return found;
    }

    /** The environment variable SmallRye Config reads for a property name (non-alphanumerics to _, upper case). */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** Roles the gateway's demo accounts use: the roles of the token contract. */
    static List<String> roles() {
        Properties gateway = properties("gateway");
        Map<String, Boolean> roles = new LinkedHashMap<>();
        for (String key : new TreeMap<>(Map.copyOf(gateway)).keySet().stream().map(Object::toString).toList()) {
            if (key.startsWith("gateway.auth.issuer.accounts.") && key.endsWith(".roles")) {
                for (String role : gateway.getProperty(key).split(",")) {
                    roles.put(role.trim(), true);
                }
            }
        }
        return List.copyOf(roles.keySet());
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
