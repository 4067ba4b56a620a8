package org.community.gateway.openapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes an OpenAPI 3.0 document's schemas the OpenAPI 3.1 way, so that a 3.0 service document can go into the 3.1
 * merged contract. The services serve 3.0.3 (what openapi-diff and the conformance validator read), and 3.1 has no
 * {@code nullable}: Spectral and Redocly refuse it there and a 3.1 reader ignores it, typing the field non-null.
 * <ul>
 * <li>{@code type: string, nullable: true} becomes {@code type: [string, 'null']} (an {@code enum} also lists
 * {@code null}, or null would not be one of its values);</li>
 * <li>{@code allOf: [{$ref: X}], nullable: true} (with or without a {@code type} beside it) becomes
 * {@code anyOf: [{$ref: X}, {type: 'null'}]};</li>
 * <li>{@code nullable: false}, and {@code nullable} on a schema without a type (any value, null included), are
 * dropped.</li>
 * </ul>
 * Examples are data, not schemas, and are left alone.
 */
public final class OpenApi31 {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Data, not schemas: left as they are. */
    private static final Set<String> DATA = Set.of("example", "examples", "default", "enum", "const");
    /** Maps whose keys are names chosen by the document (a property may be called "example" or "nullable"). */
    private static final Set<String> NAMED = Set.of("properties", "schemas", "patternProperties", "paths", "responses",
            "parameters", "headers", "content", "securitySchemes", "requestBodies");

    private OpenApi31() {
    }

    /** True if the document declares OpenAPI 3.0.x. */
    public static boolean is30(JsonNode document) {
        return document.path("openapi").asText("").startsWith("3.0");
    }

    /** Rewrites every {@code nullable} of the document in place (see the class comment) and declares it 3.1.0. */
    public static void upgrade(ObjectNode document) {
        rewrite(document, false);
        document.put("openapi", "3.1.0");
    }

    /** {@code names}: the node is a map of names to schemas (properties, components), whatever the names are. */
    private static void rewrite(JsonNode node, boolean names) {
        if (node.isArray()) {
            node.forEach(item -> rewrite(item, false));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        if (!names && object.path("nullable").isBoolean()) {
            nullable(object);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (names || !DATA.contains(field.getKey())) {
                rewrite(field.getValue(), !names && NAMED.contains(field.getKey()));
            }
        }
    }

    private static void nullable(ObjectNode schema) {
        boolean nullable = schema.remove("nullable").asBoolean();
        if (!nullable) {
            return;
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null && allOf.size() == 1 && allOf.get(0).has("$ref")) {
            schema.remove("allOf");
            schema.remove("type");
            ArrayNode anyOf = JSON.arrayNode();
            anyOf.add(allOf.get(0));
            anyOf.addObject().put("type", "null");
            schema.set("anyOf", anyOf);
            return;
        }
        JsonNode type = schema.get("type");
        if (type == null || !type.isTextual()) {
            return;
        }
        schema.set("type", JSON.arrayNode().add(type.asText()).add("null"));
        JsonNode values = schema.get("enum");
        if (values != null && values.isArray()) {
            List<JsonNode> present = new ArrayList<>();
            values.forEach(present::add);
            if (present.stream().noneMatch(JsonNode::isNull)) {
                ((ArrayNode) values).addNull();
            }
        }
    }
}
