package org.community.suite;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.community.conventions.testing.contract.ConformanceFilter;

import io.restassured.RestAssured;

/**
 * Runtime conformance of the end-to-end tests: every answer they receive through RestAssured from an {@code /api/v1}
 * path, through the gateway or from a service's own port, is validated (conventions-testing's {@link ConformanceFilter},
 * mode {@code contract.conformance}) against the committed spec of whoever owns the path: a service's resources, as the
 * gateway routes them ({@code gateway.routes.<service>.resources} in its application.properties), against
 * {@code <service>/openapi.yaml}; the gateway's own {@code /api/v1/auth} operations against {@code gateway/openapi.yaml}.
 * The services' documents are OpenAPI 3.0 and checked in full; the gateway's is 3.1, of which the validator checks status
 * codes, required and unknown properties but not the types.
 */
final class OwningSpecs {

    private static final Pattern ROUTE = Pattern.compile("gateway\\.routes\\.([a-z-]+)\\.resources");

    private OwningSpecs() {
    }

    /** Adds the check to every RestAssured request of this JVM, once. */
    static synchronized void validateEveryAnswer(Path repo) {
        if (ConformanceFilter.off() || RestAssured.filters().stream().anyMatch(ConformanceFilter.class::isInstance)) {
            return;
        }
        Map<String, Path> owners = owners(repo);
        RestAssured.filters(ConformanceFilter.againstFiles(path -> specFor(owners, path)));
    }

    /** The document of the first segment after {@code /api/v1/}: {@code topics} → consultation-service/openapi.yaml. */
    static Map<String, Path> owners(Path repo) {
        Properties routes = new Properties();
        try (Reader in = Files.newBufferedReader(repo.resolve("gateway/src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            routes.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Path> owners = new HashMap<>();
        for (String key : routes.stringPropertyNames()) {
            Matcher route = ROUTE.matcher(key);
            if (route.matches()) {
                Path spec = repo.resolve(route.group(1)).resolve("openapi.yaml");
                for (String resource : routes.getProperty(key).split(",")) {
                    owners.put(resource.trim(), spec);
                }
            }
        }
        if (owners.isEmpty()) {
            throw new IllegalStateException("no gateway.routes.<service>.resources in the gateway's application.properties");
        }
        owners.put("auth", repo.resolve("gateway/openapi.yaml"));
        return owners;
    }

    static Path specFor(Map<String, Path> owners, String path) {
        String[] segments = path.split("/");
        // "", "api", "v1", "<resource>", …
        return segments.length > 3 && "v1".equals(segments[2]) ? owners.get(segments[3]) : null;
    }
}
