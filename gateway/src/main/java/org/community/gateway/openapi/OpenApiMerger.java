package org.community.gateway.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Merges OpenAPI documents: paths and tags are united; a component name defined differently by two
 * sources is renamed in each to {@code <source>.<name>} (with every {@code $ref} in that source rewritten),
 * identical definitions are kept once. Pure function of its inputs, so it is tested without HTTP.
 */
public final class OpenApiMerger {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A source document: the service name and its parsed JSON, or null with the reason it is missing. */
    public record Source(String name, ObjectNode document, String missingReason) {
    }

    private OpenApiMerger() {
    }

    public static ObjectNode merge(List<Source> sources, String title, String version) {
        List<Source> present = sources.stream().filter(s -> s.document() != null).toList();
        // 1. find clashing component names per section
        Map<String, Map<String, List<Source>>> definers = new LinkedHashMap<>();
        for (Source source : present) {
            JsonNode components = source.document().path("components");
            components.fieldNames().forEachRemaining(section -> {
                JsonNode entries = components.path(section);
                if (entries.isObject()) {
                    entries.fieldNames().forEachRemaining(name -> definers
                            .computeIfAbsent(section, k -> new LinkedHashMap<>())
                            .computeIfAbsent(name, k -> new ArrayList<>()).add(source));
                }
            });
        }
        Map<Source, Map<String, String>> renames = new HashMap<>();
        definers.forEach((section, byName) -> byName.forEach((name, owners) -> {
            if (owners.size() < 2) {
                return;
            }
            JsonNode first = owners.get(0).document().path("components").path(section).path(name);
            boolean allSame = owners.stream()
                    .allMatch(o -> o.document().path("components").path(section).path(name).equals(first));
            if (!allSame) {
                for (Source owner : owners) {
                    renames.computeIfAbsent(owner, k -> new HashMap<>())
                            .put("#/components/" + section + "/" + name, owner.name() + "." + name);
                }
            }
        }));

        ObjectNode merged = JSON.objectNode();
        merged.put("openapi", present.isEmpty() ? "3.1.0" : present.get(0).document().path("openapi").asText("3.1.0"));
        ObjectNode info = merged.putObject("info").put("title", title).put("version", version);
        ArrayNode tags = JSON.arrayNode();
        ObjectNode paths = JSON.objectNode();
        ObjectNode components = JSON.objectNode();
        List<String> pathClashes = new ArrayList<>();
        Map<String, Boolean> tagNames = new HashMap<>();

        for (Source source : present) {
            ObjectNode document = source.document().deepCopy();
            Map<String, String> renamed = renames.getOrDefault(source, Map.of());
            if (!renamed.isEmpty()) {
                rewriteRefs(document, renamed);
            }
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.putIfAbsent(tag.path("name").asText(), true) == null) {
                    tags.add(tag);
                }
            }
            Iterator<Map.Entry<String, JsonNode>> pathEntries = document.path("paths").fields();
            while (pathEntries.hasNext()) {
                Map.Entry<String, JsonNode> path = pathEntries.next();
                if (paths.has(path.getKey())) {
                    pathClashes.add(path.getKey() + " (" + source.name() + ")");
                    continue;
                }
                paths.set(path.getKey(), path.getValue());
            }
            Iterator<Map.Entry<String, JsonNode>> sections = document.path("components").fields();
            while (sections.hasNext()) {
                Map.Entry<String, JsonNode> section = sections.next();
                if (!section.getValue().isObject()) {
                    continue;
                }
                ObjectNode target = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                Iterator<Map.Entry<String, JsonNode>> entries = section.getValue().fields();
                while (entries.hasNext()) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    String newName = renamed.get("#/components/" + section.getKey() + "/" + entry.getKey());
                    target.set(newName != null ? newName : entry.getKey(), entry.getValue());
                }
            }
        }

        StringBuilder description = new StringBuilder(
                "All services of the community party suite behind one address. Every /api/v1 operation except /api/v1/auth "
                        + "needs Authorization: Bearer <JWT> (POST /api/v1/auth/token in the local suite).");
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
        merged.set("x-sources", sourceList);
        ArrayNode missingNode = merged.putArray("x-missing-services");
        missing.forEach(missingNode::add);
        if (!pathClashes.isEmpty()) {
            ArrayNode clashes = merged.putArray("x-path-clashes");
            pathClashes.forEach(clashes::add);
        }

        ObjectNode schemes = components.has("securitySchemes") ? (ObjectNode) components.get("securitySchemes")
                : components.putObject("securitySchemes");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "RS256 access token from the gateway's issuer or the identity provider");
        merged.putArray("security").addObject().putArray("bearer");
        markOpen(paths, "/api/v1/auth");
        merged.set("tags", tags);
        merged.set("paths", paths);
        merged.set("components", components);
        return merged;
    }

    private static void markOpen(ObjectNode paths, String prefix) {
        paths.fields().forEachRemaining(path -> {
            if (path.getKey().startsWith(prefix) && path.getValue().isObject()) {
                path.getValue().fields().forEachRemaining(operation -> {
                    if (operation.getValue().isObject() && operation.getValue().has("responses")) {
                        ((ObjectNode) operation.getValue()).putArray("security");
                    }
                });
            }
        });
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                String newName = renamed.get(ref.asText());
                if (newName != null) {
                    String old = ref.asText();
                    object.set("$ref", TextNode.valueOf(old.substring(0, old.lastIndexOf('/') + 1) + newName));
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        }
    }
}
