package org.community.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Merges the gateway's and the services' OpenAPI documents into the one contract a client of the gateway uses.
 * A pure function of its inputs (tested without HTTP), used both by the running gateway ({@code /q/openapi}) and by
 * the build that writes {@code contract/openapi.yaml}.
 * <ul>
 * <li>Paths and tags are united; a path defined twice fails (strict) or is listed in {@code x-path-clashes}.</li>
 * <li>Security: every bearer scheme of the sources becomes the one {@code bearerAuth}; every operation the gateway
 * guards (under {@code /api/v1/} except {@code /api/v1/auth/}) requires it, the gateway's own operations keep what
 * they declare.</li>
 * <li>{@code Problem} and {@code FieldError} exist once: all services answer errors with the same body, so differing
 * definitions are united (properties of all, required only where all require).</li>
 * <li>Other components defined by several sources are kept once where identical (compared after their own
 * references are resolved to the merged names), and otherwise renamed in every source that defines them with the
 * source's prefix ({@code volunteer-service} → {@code VolunteerAuditEntry}), every {@code $ref} following.</li>
 * <li>operationIds are unique: one used by several sources is prefixed with each source's name
 * ({@code consultationList}); one used twice inside a source fails (strict) or gets a numbered suffix.</li>
 * <li>A merge with an OpenAPI 3.1 source is 3.1: the 3.0 sources' {@code nullable} is rewritten the 3.1 way
 * ({@link OpenApi31}).</li>
 * <li>Every {@code $ref} of the result resolves (strict), or the broken ones are listed in {@code x-dangling-refs}.</li>
 * </ul>
 */
public final class OpenApiMerger {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    public static final String BEARER = "bearerAuth";
    /** Schemas every source means the same by: one definition in the merge, never prefixed. */
    static final Set<String> SHARED_SCHEMAS = Set.of("Problem", "FieldError");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** A source document: the service name and its parsed JSON, or null with the reason it is missing. */
    public record Source(String name, ObjectNode document, String missingReason) {
    }

    /**
     * What the merged document says about itself. {@code strict}: a defect of the sources (duplicate operationId
     * inside one service, a path defined twice, a dangling reference) fails the merge instead of being worked around.
     */
    public record Options(String title, String version, String serverUrl, String serverDescription, boolean strict) {

        /** The suite's contract as the gateway publishes it. */
        public static Options suite(boolean strict) {
            return new Options("Community party suite API", "1.0.0", "http://localhost:8080",
                    "The local suite's gateway (./suite.sh up); in production the gateway behind its Ingress host", strict);
        }
    }

    /** A defect of the sources that a strict merge refuses; the message names every instance. */
    public static final class ContractException extends RuntimeException {
        ContractException(String message) {
            super(message);
        }
    }

    private OpenApiMerger() {
    }

    public static ObjectNode merge(List<Source> sources, Options options) {
        List<Source> present = new ArrayList<>();
        for (Source source : sources) {
            if (source.document() != null) {
                present.add(new Source(source.name(), source.document().deepCopy(), null));
            }
        }
        // the merge is OpenAPI 3.1 as soon as one source is: the 3.0 sources' nullable fields are written the 3.1 way
        boolean openApi31 = present.stream().anyMatch(s -> s.document().path("openapi").asText("").startsWith("3.1"));
        for (Source source : present) {
            if (openApi31 && OpenApi31.is30(source.document())) {
                OpenApi31.upgrade(source.document());
            }
        }
        List<String> problems = new ArrayList<>();
        for (Source source : present) {
            unifySecurity(source);
        }
        Map<String, Map<String, String>> renames = componentRenames(present);
        for (Source source : present) {
            Map<String, String> renamed = renames.getOrDefault(source.name(), Map.of());
            if (!renamed.isEmpty()) {
                rewriteRefs(source.document(), renamed);
            }
        }
        uniqueOperationIds(present, options.strict(), problems);

        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", present.stream().map(s -> s.document().path("openapi").asText("3.1.0"))
                .max(String::compareTo).orElse("3.1.0"));
        ObjectNode info = merged.putObject("info").put("title", options.title()).put("version", options.version());
        merged.putArray("servers").addObject().put("url", options.serverUrl()).put("description", options.serverDescription());
        merged.putArray("security").addObject().putArray(BEARER);
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        List<String> pathClashes = new ArrayList<>();
        Set<String> tagNames = new LinkedHashSet<>();
        Map<String, List<JsonNode>> shared = new LinkedHashMap<>();

        for (Source source : present) {
            ObjectNode document = source.document();
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
            document.path("paths").fields().forEachRemaining(path -> {
                if (paths.has(path.getKey())) {
                    pathClashes.add(path.getKey() + " (" + source.name() + ")");
                } else {
                    paths.set(path.getKey(), path.getValue());
                }
            });
            Map<String, String> renamed = renames.getOrDefault(source.name(), Map.of());
            document.path("components").fields().forEachRemaining(section -> {
                if (!section.getValue().isObject()) {
                    return;
                }
                ObjectNode target = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section.getValue().fields().forEachRemaining(entry -> {
                    if ("schemas".equals(section.getKey()) && SHARED_SCHEMAS.contains(entry.getKey())) {
                        shared.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue());
                        return;
                    }
                    String newName = renamed.get(ref(section.getKey(), entry.getKey()));
                    target.set(newName != null ? newName : entry.getKey(), entry.getValue());
                });
            });
        }
        if (!pathClashes.isEmpty()) {
            problems.add("paths defined by more than one source: " + String.join(", ", pathClashes));
        }
        ObjectNode schemas = components.has("schemas") ? (ObjectNode) components.get("schemas") : components.putObject("schemas");
        shared.forEach((name, definitions) -> schemas.set(name, unite(definitions)));
        ObjectNode schemes = components.has("securitySchemes") ? (ObjectNode) components.get("securitySchemes")
                : components.putObject("securitySchemes");
        schemes.putObject(BEARER).put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "RS256 access token of the gateway's built-in issuer (POST /api/v1/auth/token, local suite) "
                        + "or of the identity provider: groups = roles, org_units = scope");
        sortFields(components);

        List<String> dangling = danglingRefs(merged);
        if (!dangling.isEmpty()) {
            problems.add("references that resolve to nothing: " + String.join(", ", dangling));
        }
        if (options.strict() && !problems.isEmpty()) {
            throw new ContractException("the services' OpenAPI documents cannot be merged:\n- " + String.join("\n- ", problems));
        }
        describe(merged, info, sources, problems);
        return merged;
    }

    // ---- security ----

    /** Replaces the source's bearer schemes by bearerAuth and writes each operation's security explicitly. */
    private static void unifySecurity(Source source) {
        ObjectNode document = source.document();
        Set<String> bearerNames = new LinkedHashSet<>();
        JsonNode schemes = document.path("components").path("securitySchemes");
        if (schemes.isObject()) {
            schemes.fields().forEachRemaining(scheme -> {
                if ("http".equalsIgnoreCase(scheme.getValue().path("type").asText())
                        && "bearer".equalsIgnoreCase(scheme.getValue().path("scheme").asText())) {
                    bearerNames.add(scheme.getKey());
                }
            });
            bearerNames.forEach(((ObjectNode) schemes)::remove);
            if (schemes.isEmpty()) {
                ((ObjectNode) document.get("components")).remove("securitySchemes");
            }
        }
        JsonNode documentDefault = document.remove("security");
        forEachOperation(document, (path, method, operation) -> {
            JsonNode declared = operation.has("security") ? operation.get("security") : documentDefault;
            if (guardedByTheGateway(path)) {
                operation.set("security", bearerRequired());
            } else if (declared == null) {
                operation.set("security", JSON.arrayNode());
            } else {
                operation.set("security", renameSchemes(declared, bearerNames));
            }
        });
    }

    /** The gateway lets no request under /api/v1 through without a valid token, except its own issuer's. */
    static boolean guardedByTheGateway(String path) {
        return path.startsWith("/api/v1/") && !path.startsWith("/api/v1/auth/") && !path.equals("/api/v1/auth");
    }

    private static ArrayNode bearerRequired() {
        ArrayNode security = JSON.arrayNode();
        security.addObject().putArray(BEARER);
        return security;
    }

    private static ArrayNode renameSchemes(JsonNode requirements, Set<String> bearerNames) {
        ArrayNode result = JSON.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode requirement : requirements) {
            ObjectNode renamed = JSON.objectNode();
            requirement.fields().forEachRemaining(entry -> renamed.set(
                    bearerNames.contains(entry.getKey()) ? BEARER : entry.getKey(), entry.getValue()));
            if (seen.add(renamed.toString())) {
                result.add(renamed);
            }
        }
        // [{}] (how smallrye writes an open operation) says the same as []: no credentials needed
        if (seen.equals(Set.of("{}"))) {
            result.removeAll();
        }
        return result;
    }

    // ---- components ----

    /**
     * Per source, the references to rename ({@code #/components/schemas/AuditEntry} → {@code VolunteerAuditEntry}).
     * Two definitions of one name are the same only if they are equal once their own references point at the merged
     * names, so renaming one component can make another differ: repeated until nothing changes.
     */
    private static Map<String, Map<String, String>> componentRenames(List<Source> present) {
        Map<String, List<Source>> definers = new LinkedHashMap<>();
        Set<String> defined = new LinkedHashSet<>();
        for (Source source : present) {
            source.document().path("components").fields().forEachRemaining(section -> {
                if (section.getValue().isObject() && !"securitySchemes".equals(section.getKey())) {
                    section.getValue().fieldNames().forEachRemaining(name -> {
                        defined.add(section.getKey() + "/" + name);
                        if (!("schemas".equals(section.getKey()) && SHARED_SCHEMAS.contains(name))) {
                            definers.computeIfAbsent(ref(section.getKey(), name), k -> new ArrayList<>()).add(source);
                        }
                    });
                }
            });
        }
        Map<String, Map<String, String>> renames = new HashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, List<Source>> entry : definers.entrySet()) {
                List<Source> owners = entry.getValue();
                String ref = entry.getKey();
                if (owners.size() < 2 || renames.getOrDefault(owners.get(0).name(), Map.of()).containsKey(ref)) {
                    continue;
                }
                JsonNode first = resolvedDefinition(owners.get(0), ref, renames);
                boolean allSame = owners.stream().skip(1).allMatch(o -> resolvedDefinition(o, ref, renames).equals(first));
                if (!allSame) {
                    String section = ref.substring("#/components/".length(), ref.lastIndexOf('/'));
                    String name = ref.substring(ref.lastIndexOf('/') + 1);
                    for (Source owner : owners) {
                        String newName = prefix(owner.name()) + name;
                        if (defined.contains(section + "/" + newName)) {
                            throw new ContractException("cannot rename " + owner.name() + "'s " + name + " to " + newName
                                    + ": a source already defines " + newName);
                        }
                        renames.computeIfAbsent(owner.name(), k -> new HashMap<>()).put(ref, newName);
                    }
                    changed = true;
                }
            }
        }
        return renames;
    }

    private static JsonNode resolvedDefinition(Source source, String ref, Map<String, Map<String, String>> renames) {
        JsonNode definition = source.document().at(ref.substring(1)).deepCopy();
        rewriteRefs(definition, renames.getOrDefault(source.name(), Map.of()));
        return definition;
    }

    /** {@code org-service} → {@code Org}, {@code volunteer-service} → {@code Volunteer}, {@code gateway} → {@code Gateway}. */
    static String prefix(String sourceName) {
        StringBuilder prefix = new StringBuilder();
        for (String part : sourceName.replaceFirst("-service$", "").split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                prefix.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return prefix.toString();
    }

    private static String ref(String section, String name) {
        return "#/components/" + section + "/" + name;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = renamed.get(ref.asText());
                if (target != null) {
                    object.set("$ref", TextNode.valueOf(renamedRef(ref.asText(), target)));
                }
            }
            JsonNode mapping = object.path("discriminator").path("mapping");
            if (mapping.isObject()) {
                mapping.fields().forEachRemaining(entry -> {
                    String target = renamed.get(entry.getValue().asText());
                    if (target != null) {
                        entry.setValue(TextNode.valueOf(renamedRef(entry.getValue().asText(), target)));
                    }
                });
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        }
    }

    private static String renamedRef(String ref, String newName) {
        return ref.substring(0, ref.lastIndexOf('/') + 1) + newName;
    }

    /**
     * One schema from several definitions of the same body: the first's keywords, every property any of them
     * declares (the first definition of a property wins), required only what all of them require.
     */
    static JsonNode unite(List<JsonNode> definitions) {
        ObjectNode united = definitions.get(0).deepCopy();
        if (definitions.stream().allMatch(d -> d.equals(united))) {
            return united;
        }
        ObjectNode properties = JSON.objectNode();
        Set<String> required = null;
        for (JsonNode definition : definitions) {
            definition.path("properties").fields().forEachRemaining(p -> {
                if (!properties.has(p.getKey())) {
                    properties.set(p.getKey(), p.getValue().deepCopy());
                }
            });
            Set<String> own = new LinkedHashSet<>();
            definition.path("required").forEach(r -> own.add(r.asText()));
            if (required == null) {
                required = own;
            } else {
                required.retainAll(own);
            }
        }
        united.set("properties", properties);
        united.remove("required");
        if (required != null && !required.isEmpty()) {
            ArrayNode list = united.putArray("required");
            required.forEach(list::add);
        }
        return united;
    }

    // ---- operationIds ----

    private static void uniqueOperationIds(List<Source> present, boolean strict, List<String> problems) {
        Map<String, Set<String>> usedBy = new HashMap<>();
        for (Source source : present) {
            Map<String, Integer> inSource = new HashMap<>();
            List<String> duplicates = new ArrayList<>();
            forEachOperation(source.document(), (path, method, operation) -> {
                String id = operation.path("operationId").asText("");
                if (id.isEmpty()) {
                    return;
                }
                int seen = inSource.merge(id, 1, Integer::sum);
                if (seen > 1) {
                    duplicates.add(id + " (" + method.toUpperCase(Locale.ROOT) + " " + path + ")");
                    if (!strict) {
                        operation.put("operationId", id + "_" + seen);
                    }
                }
            });
            if (!duplicates.isEmpty()) {
                String message = source.name() + " uses operationIds more than once: " + String.join(", ", duplicates);
                if (strict) {
                    throw new ContractException(message);
                }
                problems.add(message);
            }
            forEachOperation(source.document(), (path, method, operation) -> {
                String id = operation.path("operationId").asText("");
                if (!id.isEmpty()) {
                    usedBy.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(source.name());
                }
            });
        }
        for (Source source : present) {
            String prefix = prefix(source.name());
            String lower = Character.toLowerCase(prefix.charAt(0)) + prefix.substring(1);
            forEachOperation(source.document(), (path, method, operation) -> {
                String id = operation.path("operationId").asText("");
                if (!id.isEmpty() && usedBy.get(id).size() > 1) {
                    String newId = lower + Character.toUpperCase(id.charAt(0)) + id.substring(1);
                    if (usedBy.containsKey(newId)) {
                        throw new ContractException("cannot rename " + source.name() + "'s operationId " + id + " to " + newId
                                + ": it is taken");
                    }
                    operation.put("operationId", newId);
                }
            });
        }
    }

    @FunctionalInterface
    private interface OperationVisitor {
        void visit(String path, String method, ObjectNode operation);
    }

    private static void forEachOperation(ObjectNode document, OperationVisitor visitor) {
        document.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null && operation.isObject()) {
                    visitor.visit(path.getKey(), method, (ObjectNode) operation);
                }
            }
        });
    }

    // ---- checks and description ----

    private static List<String> danglingRefs(ObjectNode merged) {
        Set<String> dangling = new LinkedHashSet<>();
        collectDangling(merged, merged, dangling);
        return new ArrayList<>(dangling);
    }

    private static void collectDangling(JsonNode root, JsonNode node, Set<String> dangling) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")
                    && root.at(JsonPointer.compile(ref.asText().substring(1))).isMissingNode()) {
                dangling.add(ref.asText());
            }
        }
        node.elements().forEachRemaining(child -> collectDangling(root, child, dangling));
    }

    private static void sortFields(ObjectNode components) {
        components.fields().forEachRemaining(section -> {
            if (section.getValue().isObject()) {
                ObjectNode sorted = JSON.objectNode();
                List<String> names = new ArrayList<>();
                section.getValue().fieldNames().forEachRemaining(names::add);
                names.stream().sorted().forEach(name -> sorted.set(name, section.getValue().get(name)));
                section.setValue(sorted);
            }
        });
    }

    private static void describe(ObjectNode merged, ObjectNode info, List<Source> sources, List<String> problems) {
        StringBuilder description = new StringBuilder(
                "All services of the community party suite behind one address: org-service (the party-organization chain), "
                        + "volunteer-service (volunteers, teams, activities, projects) and consultation-service (topics, "
                        + "owners' votes, resolutions), with the gateway's own token issuer. Every /api/v1 operation except "
                        + "/api/v1/auth needs Authorization: Bearer <JWT> (POST /api/v1/auth/token in the local suite). Errors "
                        + "are RFC 9457 application/problem+json; lists are paged {items, page, size, total}.");
        ArrayNode sourceList = JSON.arrayNode();
        List<String> missing = new ArrayList<>();
        for (Source source : sources) {
            ObjectNode entry = sourceList.addObject().put("name", source.name());
            if (source.document() == null) {
                entry.put("status", "missing").put("reason", source.missingReason());
                missing.add(source.name());
            } else {
                entry.put("status", "included");
            }
        }
        if (!missing.isEmpty()) {
            description.append("\n\n**Incomplete:** the documents of ").append(String.join(", ", missing))
                    .append(" could not be fetched; their operations are missing from this page.");
        }
        info.put("description", description.toString());
        info.putObject("contact").put("name", "Community suite maintainers").put("email", "suite-maintainers@community.example");
        info.putObject("license").put("name", "Apache-2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        merged.set("x-sources", sourceList);
        ArrayNode missingNode = merged.putArray("x-missing-services");
        missing.forEach(missingNode::add);
        if (!problems.isEmpty()) {
            ArrayNode list = merged.putArray("x-contract-problems");
            problems.forEach(list::add);
        }
    }
}
