package org.community.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.community.gateway.openapi.OpenApiMerger;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiMergerTest {

    final ObjectMapper json = new ObjectMapper();

    ObjectNode doc(String name, String path, String problemDescription) throws Exception {
        return (ObjectNode) json.readTree(FakeDownstreams.openApi(name, path, "X" + name.length()).encode()
                .replace("problem of " + name, problemDescription));
    }

    @Test
    void identicalComponentsAreKeptOnceUnderTheirName() throws Exception {
        ObjectNode merged = OpenApiMerger.merge(List.of(
                new OpenApiMerger.Source("a", doc("a", "/api/v1/a", "same"), null),
                new OpenApiMerger.Source("bb", doc("bb", "/api/v1/b", "same"), null)), "t", "1");
        assertTrue(merged.path("components").path("schemas").has("Problem"));
        assertFalse(merged.path("components").path("schemas").has("a.Problem"));
        assertEquals("#/components/schemas/Problem", merged.at("/paths/~1api~1v1~1b/get/responses/404/content")
                .path("application/problem+json").path("schema").path("$ref").asText());
        assertEquals(0, merged.path("x-missing-services").size());
    }

    @Test
    void differentComponentsWithOneNameArePrefixedAndReferencesFollow() throws Exception {
        ObjectNode merged = OpenApiMerger.merge(List.of(
                new OpenApiMerger.Source("a", doc("a", "/api/v1/a", "one"), null),
                new OpenApiMerger.Source("bb", doc("bb", "/api/v1/b", "two"), null),
                new OpenApiMerger.Source("c", null, "Connection refused")), "t", "1");
        var schemas = merged.path("components").path("schemas");
        assertEquals("one", schemas.path("a.Problem").path("description").asText());
        assertEquals("two", schemas.path("bb.Problem").path("description").asText());
        assertFalse(schemas.has("Problem"));
        assertEquals("#/components/schemas/bb.Problem", merged.at("/paths/~1api~1v1~1b/get/responses/404/content")
                .path("application/problem+json").path("schema").path("$ref").asText());
        assertEquals("c", merged.path("x-missing-services").get(0).asText());
        assertTrue(merged.path("info").path("description").asText().contains("c"));
    }
}
