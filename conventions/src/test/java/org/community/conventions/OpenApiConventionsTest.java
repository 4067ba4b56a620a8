package org.community.conventions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.community.conventions.testing.contract.OpenApiContract;
import org.junit.jupiter.api.Test;

/**
 * What ProblemResponsesFilter adds to every service's spec, and the contract checks of conventions-testing: the drift
 * check against a committed file and the breaking-change check (openapi-diff) on real breaking changes.
 */
@QuarkusTest
class OpenApiConventionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonPath spec() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void oneBearerSchemeRequiredByEveryApiOperation() {
        JsonPath spec = spec();
        assertThat(spec.getMap("components.securitySchemes")).containsOnlyKeys("bearerAuth");
        assertThat(spec.getString("components.securitySchemes.bearerAuth.bearerFormat")).isEqualTo("JWT");
        Map<String, Map<String, Map<String, Object>>> paths = spec.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (path.startsWith("/api/v1/")) {
                assertThat(operation.get("security")).as(method + " " + path).isEqualTo(List.of(Map.of("bearerAuth", List.of())));
            }
        }));
    }

    @Test
    void oneProblemSchemaWithFieldErrors() {
        JsonPath spec = spec();
        assertThat(spec.getList("components.schemas.Problem.required")).containsExactly("type", "title", "status");
        assertThat(spec.getString("components.schemas.Problem.properties.errors.items.$ref")).isEqualTo("#/components/schemas/FieldError");
        assertThat(spec.getList("components.schemas.FieldError.required")).containsExactly("field", "message");
        assertThat(spec.getString("paths.'/api/v1/things'.post.responses.'400'.content.'application/problem+json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void anErrorAnOperationDocumentsItselfIsAProblem() {
        JsonPath spec = spec();
        assertThat(spec.getString("paths.'/api/v1/things/mine'.get.responses.'404'.content.'application/problem+json'.schema.$ref"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(spec.getString("paths.'/api/v1/things/mine'.get.responses.'404'.description")).isEqualTo("The caller has no thing");
        // the answer itself is checked against that schema by ResponseConformance, as every answer of these tests
        given().get("/api/v1/things/mine").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void headersTheConventionsRelyOnAreDocumented() {
        JsonPath spec = spec();
        assertThat(headerParameters(spec, "paths.'/api/v1/things'.post")).contains("Idempotency-Key");
        assertThat(headerParameters(spec, "paths.'/api/v1/things/{id}/cancel'.post")).contains("Idempotency-Key");
        assertThat(spec.getMap("paths.'/api/v1/things'.post.responses.'201'.headers")).containsKey("Location");
        assertThat(spec.getString("paths.'/api/v1/things/{id}'.get.responses.'200'.headers.ETag.schema.type")).isEqualTo("string");
        assertThat(spec.getMap("paths.'/api/v1/things/{id}'.get.responses")).containsKey("304");
        assertThat(headerParameters(spec, "paths.'/api/v1/things/{id}'.get")).contains("If-None-Match");
        // 412/428 wherever If-Match is taken, and only there
        assertThat(headerParameters(spec, "paths.'/api/v1/things/{id}'.put")).contains("If-Match");
        assertThat(spec.getMap("paths.'/api/v1/things/{id}'.put.responses")).containsKeys("412", "428");
        assertThat(spec.getMap("paths.'/api/v1/things/{id}/cancel'.post.responses")).doesNotContainKeys("412", "428");
        assertThat(spec.getMap("paths.'/api/v1/things/{id}'.put.responses.'200'.headers")).containsKey("ETag");
    }

    @Test
    void answerFieldsAreRequiredUnlessNullableAndRequestFieldsFollowValidation() {
        JsonPath spec = spec();
        String view = spec.getString("paths.'/api/v1/things/{id}'.get.responses.'200'.content.'application/json'.schema.$ref");
        String name = view.substring(view.lastIndexOf('/') + 1);
        assertThat(spec.getList("components.schemas." + name + ".required"))
                .containsExactlyInAnyOrder("id", "name", "kind", "version", "createdAt");
        assertThat(spec.getBoolean("components.schemas." + name + ".properties.note.nullable")).isTrue();
        String input = spec.getString("paths.'/api/v1/things'.post.requestBody.content.'application/json'.schema.$ref");
        assertThat(spec.getList("components.schemas." + input.substring(input.lastIndexOf('/') + 1) + ".required"))
                .containsExactlyInAnyOrder("name", "kind");
    }

    @Test
    void theDriftCheckFailsOnADifferenceAndSaysHowToUpdate() throws IOException {
        String served = OpenApiContract.servedSpec();
        Path committed = Files.createTempFile("openapi", ".yaml");
        Files.writeString(committed, served);
        OpenApiContract.assertServedSpecIsCommitted(committed, served);
        Files.writeString(committed, served.replace("Retry-After", "Retry After"));
        assertThatThrownBy(() -> OpenApiContract.assertServedSpecIsCommitted(committed, served))
                .hasMessageContaining("differs from the committed").hasMessageContaining("-Dcontract.update=true");
    }

    @Test
    void removingAnOperationIsBreaking() throws IOException {
        ObjectNode older = served();
        ObjectNode newer = older.deepCopy();
        // (not with("/api/…"): Jackson reads a name starting with '/' as a JSON Pointer)
        ((ObjectNode) newer.get("paths").get("/api/v1/things/{id}")).remove("get");
        assertThat(OpenApiContract.breakingChanges(write(older), write(newer))).isNotEmpty();
    }

    @Test
    void removingAResponseFieldIsBreaking() throws IOException {
        ObjectNode older = served();
        ObjectNode newer = older.deepCopy();
        viewSchema(newer).with("properties").remove("createdAt");
        viewSchema(newer).withArray("required").removeAll();
        assertThat(OpenApiContract.breakingChanges(write(older), write(newer))).isNotEmpty();
    }

    @Test
    void narrowingATypeIsBreaking() throws IOException {
        ObjectNode older = served();
        ObjectNode newer = older.deepCopy();
        viewSchema(newer).with("properties").with("name").put("type", "integer");
        assertThat(OpenApiContract.breakingChanges(write(older), write(newer))).isNotEmpty();
    }

    @Test
    void addingAnOptionalOperationIsNotBreaking() throws IOException {
        ObjectNode older = served();
        ObjectNode newer = older.deepCopy();
        newer.with("paths").set("/api/v1/things/{id}/copy", older.get("paths").get("/api/v1/things/{id}/cancel"));
        assertThat(OpenApiContract.breakingChanges(write(older), write(newer))).isEmpty();
        assertThat(OpenApiContract.breakingChanges(write(older), write(older))).isEmpty();
    }

    @Test
    void theCommittedFileIsNotRewrittenWithABreakingChange() throws IOException {
        ObjectNode older = served();
        ObjectNode newer = older.deepCopy();
        newer.with("paths").remove("/api/v1/things/{id}");
        Path committed = Files.createTempFile("openapi", ".yaml");
        Files.writeString(committed, write(older));
        System.setProperty(OpenApiContract.UPDATE, "true");
        try {
            assertThatThrownBy(() -> OpenApiContract.assertServedSpecIsCommitted(committed, write(newer)))
                    .hasMessageContaining("breaks the committed contract");
        } finally {
            System.clearProperty(OpenApiContract.UPDATE);
        }
        assertThat(Files.readString(committed)).isEqualTo(write(older));
    }

    private static List<String> headerParameters(JsonPath spec, String operation) {
        return spec.getList(operation + ".parameters.findAll { it.in == 'header' }.name");
    }

    private static ObjectNode served() throws IOException {
        return (ObjectNode) JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    private static ObjectNode viewSchema(ObjectNode spec) {
        String ref = spec.at("/paths/~1api~1v1~1things~1{id}/get/responses/200/content/application~1json/schema/$ref").asText();
        return spec.with("components").with("schemas").with(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static String write(ObjectNode spec) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec);
    }
}
