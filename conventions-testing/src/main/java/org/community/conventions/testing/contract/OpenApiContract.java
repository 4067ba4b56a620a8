package org.community.conventions.testing.contract;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The committed spec of a service ({@code <service>/openapi.yaml}) is the contract under review: a service's test
 * calls {@link #assertServedSpecIsCommitted()} so that the build fails when the spec the service serves differs from
 * the committed one, and fails harder when the difference breaks clients (a removed operation or response field, a
 * narrowed type): openapi-diff decides.
 *
 * <p>{@code -Dcontract.update=true} rewrites the committed file with the served spec (then review {@code git diff}),
 * but refuses a breaking change unless {@code -Dcontract.allowBreaking=true} is given too, which within {@code /api/v1}
 * should never be.
 */
public final class OpenApiContract {

    public static final String UPDATE = "contract.update";
    public static final String ALLOW_BREAKING = "contract.allowBreaking";
    public static final Path COMMITTED = Path.of("openapi.yaml");

    private OpenApiContract() {
    }

    /** The spec the running service serves, as YAML. */
    public static String servedSpec() {
        return given().accept("application/yaml").get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
    }

    /** Fails unless the served spec equals {@code openapi.yaml} in the module's directory (see the class comment). */
    public static void assertServedSpecIsCommitted() {
        assertServedSpecIsCommitted(COMMITTED, servedSpec());
    }

    /** Fails unless {@code served} equals the committed file (see the class comment). */
    public static void assertServedSpecIsCommitted(Path committedFile, String served) {
        String how = "Update it with: ./mvnw -B -pl <service> test -Dtest='OpenApi*' -D" + UPDATE
                + "=true and review `git diff " + committedFile + "`";
        if (!Files.exists(committedFile)) {
            if (Boolean.getBoolean(UPDATE)) {
                write(committedFile, served);
                return;
            }
            throw new AssertionError("No committed spec at " + committedFile.toAbsolutePath() + ". " + how);
        }
        String committed = read(committedFile);
        List<String> breaking = breakingChanges(committed, served);
        if (!breaking.isEmpty() && !Boolean.getBoolean(ALLOW_BREAKING)) {
            throw new AssertionError("The served spec breaks the committed contract " + committedFile
                    + " (a breaking change needs /api/v2; " + UPDATE + " refuses it unless -D" + ALLOW_BREAKING + "=true):\n"
                    + String.join("\n", breaking));
        }
        if (committed.equals(served)) {
            return;
        }
        if (Boolean.getBoolean(UPDATE)) {
            write(committedFile, served);
            return;
        }
        throw new AssertionError("The served spec differs from the committed " + committedFile + ". " + how + "\n"
                + firstDifference(committed, served));
    }

    /**
     * What in {@code newSpec} breaks clients of {@code oldSpec} (removed operations, removed response fields, narrowed
     * or changed types, new required request fields...), as openapi-diff reports it; empty when compatible.
     */
    public static List<String> breakingChanges(String oldSpec, String newSpec) {
        ChangedOpenApi diff = OpenApiCompare.fromContents(oldSpec, newSpec);
        List<String> breaking = new ArrayList<>();
        // a removed operation of a path that keeps others is not "incompatible" to openapi-diff: it is to a client
        var oldPaths = diff.getOldSpecOpenApi().getPaths();
        var newPaths = diff.getNewSpecOpenApi().getPaths();
        if (oldPaths != null) {
            oldPaths.forEach((url, item) -> item.readOperationsMap().keySet().forEach(method -> {
                var kept = newPaths == null ? null : newPaths.get(url);
                if (kept == null || !kept.readOperationsMap().containsKey(method)) {
                    breaking.add("removed operation " + method + " " + url);
                }
            }));
        }
        if (diff.isIncompatible()) {
            breaking.add(new MarkdownRender().render(diff));
        }
        return breaking;
    }

    /**
     * What the served spec lacks that client generators need: an explicit lowerCamel operationId on every operation, unique
     * here and across the suite's other committed specs ({@code ../*}{@code /openapi.yaml}), a schema on every 2xx answer
     * that has a body, and the {@code bearerAuth} requirement on every {@code /api/v1} operation.
     */
    @SuppressWarnings("unchecked")
    public static List<String> incompleteOperations() {
        Map<String, Object> spec = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("$");
        Map<String, String> elsewhere = new HashMap<>();
        try (var siblings = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            for (Path sibling : siblings.toList()) {
                Path file = sibling.resolve("openapi.yaml");
                // contract/openapi.yaml is the merge of all of them, not a sibling service
                if (Files.exists(file) && !sibling.equals(Path.of("").toAbsolutePath()) && Files.exists(sibling.resolve("pom.xml"))
                        && !sibling.getFileName().toString().equals("contract")) {
                    Matcher ids = Pattern.compile("(?m)^\\s+operationId: (\\S+)$").matcher(read(file));
                    while (ids.find()) {
                        elsewhere.put(ids.group(1), sibling.getFileName().toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
        paths.forEach((path, item) -> item.forEach((method, raw) -> {
            if (!(raw instanceof Map<?, ?>)) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) raw;
            String name = method.toUpperCase() + " " + path;
            Object id = operation.get("operationId");
            if (!(id instanceof String text) || !text.matches("[a-z][a-zA-Z0-9]+")) {
                problems.add(name + ": no lowerCamel operationId (" + id + ")");
            } else if (!seen.add(text)) {
                problems.add(name + ": operationId " + text + " is used twice");
            } else if (elsewhere.containsKey(text)) {
                problems.add(name + ": operationId " + text + " is used in " + elsewhere.get(text) + " too");
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((code, response) -> {
                if (code.startsWith("2") && !code.equals("204") && response.get("content") == null) {
                    problems.add(name + ": " + code + " has no schema");
                }
            });
            if (path.startsWith("/api/v1/") && !List.of(Map.of("bearerAuth", List.of())).equals(operation.get("security"))) {
                problems.add(name + ": no bearerAuth security");
            }
        }));
        return problems;
    }

    static String firstDifference(String committed, String served) {
        String[] a = committed.split("\n", -1);
        String[] b = served.split("\n", -1);
        int i = 0;
        while (i < a.length && i < b.length && a[i].equals(b[i])) {
            i++;
        }
        StringBuilder out = new StringBuilder("first difference at line " + (i + 1) + ":\n");
        for (int k = Math.max(0, i - 3); k < Math.min(a.length, i + 4); k++) {
            out.append(k == i ? "- " : "  ").append(a[k]).append('\n');
        }
        out.append("served:\n");
        for (int k = Math.max(0, i - 3); k < Math.min(b.length, i + 4); k++) {
            out.append(k == i ? "+ " : "  ").append(b[k]).append('\n');
        }
        return out.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
