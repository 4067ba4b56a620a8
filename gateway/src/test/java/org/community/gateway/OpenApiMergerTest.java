package org.community.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.community.gateway.openapi.OpenApiMerger;
import org.community.gateway.openapi.OpenApiMerger.ContractException;
import org.community.gateway.openapi.OpenApiMerger.Options;
import org.community.gateway.openapi.OpenApiMerger.Source;
import org.community.gateway.openapi.OpenApiYaml;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The merge on small hand-made documents, one rule per test. */
class OpenApiMergerTest {

    static ObjectNode yaml(String text) {
        return (ObjectNode) OpenApiYaml.read(text.getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode merge(boolean strict, Source... sources) {
        return OpenApiMerger.merge(List.of(sources), Options.suite(strict));
    }

    static final String GATEWAY = """
            openapi: 3.1.0
            info: {title: gateway, version: 1.0.0}
            paths:
              /api/v1/auth/token:
                post:
                  operationId: issueToken
                  security: [{}]
                  responses:
                    '200': {description: token}
                    '401':
                      description: wrong password
                      content:
                        application/problem+json:
                          schema: {$ref: '#/components/schemas/Problem'}
              /api/v1/auth/accounts:
                get:
                  operationId: listAccounts
                  responses:
                    '200': {description: accounts}
            security:
              - SecurityScheme: []
            components:
              securitySchemes:
                SecurityScheme: {type: http, scheme: bearer, bearerFormat: JWT}
              schemas:
                Problem:
                  type: object
                  required: [type, status]
                  properties:
                    type: {type: string}
                    status: {type: integer}
                    errors:
                      type: array
                      items: {$ref: '#/components/schemas/FieldError'}
                FieldError:
                  type: object
                  properties:
                    field: {type: string}
                    message: {type: string}
            """;

    static final String ORG = """
            openapi: 3.1.0
            info: {title: org-service, version: 1.0.0}
            servers: [{url: 'http://localhost:8081'}]
            paths:
              /api/v1/org-units:
                get:
                  operationId: list
                  security: [{bearer: []}]
                  responses:
                    '200':
                      description: page
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/PageOrgUnit'}
              /api/v1/org-audit:
                get:
                  operationId: listOrgAudit
                  responses:
                    '200':
                      description: page
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/PageAuditEntry'}
            security: [{bearer: []}]
            components:
              securitySchemes:
                bearer: {type: http, scheme: bearer}
              schemas:
                Problem:
                  type: object
                  required: [type, status, title]
                  properties:
                    type: {type: string}
                    status: {type: integer}
                    title: {type: string}
                PageOrgUnit:
                  type: object
                  properties:
                    items: {type: array, items: {$ref: '#/components/schemas/OrgUnit'}}
                OrgUnit:
                  type: object
                  properties:
                    id: {type: string}
                Page:
                  type: object
                  properties:
                    total: {type: integer}
                PageAuditEntry:
                  type: object
                  properties:
                    items: {type: array, items: {$ref: '#/components/schemas/AuditEntry'}}
                AuditEntry:
                  type: object
                  properties:
                    action: {type: string}
                    unitId: {type: string}
            """;

    /** No security declared at all (as consultation-service did), an AuditEntry of its own, a shared identical Page. */
    static final String CONSULTATION = """
            openapi: 3.1.0
            info: {title: consultation-service, version: 1.0.0}
            paths:
              /api/v1/topics:
                get:
                  operationId: list
                  responses:
                    '200': {description: page}
              /api/v1/consultation-audit:
                get:
                  operationId: listConsultationAudit
                  responses:
                    '200':
                      description: page
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/PageAuditEntry'}
              /api/v1/meetings:
                get:
                  operationId: listMeetings
                  responses:
                    '200':
                      description: page
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Page'}
            components:
              schemas:
                Problem:
                  type: object
                  properties:
                    type: {type: string}
                    status: {type: integer}
                    detail: {type: string}
                Page:
                  type: object
                  properties:
                    total: {type: integer}
                PageAuditEntry:
                  type: object
                  properties:
                    items: {type: array, items: {$ref: '#/components/schemas/AuditEntry'}}
                AuditEntry:
                  type: object
                  properties:
                    action: {type: string}
                    topicId: {type: string}
            """;

    static Source gateway() {
        return new Source("gateway", yaml(GATEWAY), null);
    }

    static Source org() {
        return new Source("org-service", yaml(ORG), null);
    }

    static Source consultation() {
        return new Source("consultation-service", yaml(CONSULTATION), null);
    }

    static List<JsonNode> operations(JsonNode merged) {
        List<JsonNode> operations = new ArrayList<>();
        merged.path("paths").forEach(path -> path.forEach(operations::add));
        return operations;
    }

    @Test
    void everyBearerSchemeBecomesTheOneBearerAuthThatEveryGuardedOperationRequires() {
        JsonNode merged = merge(true, gateway(), org(), consultation());

        assertThat(merged.at("/components/securitySchemes").size()).isEqualTo(1);
        JsonNode scheme = merged.at("/components/securitySchemes/bearerAuth");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");
        // declared with another scheme's name, by the document default, or not at all (consultation): all bearerAuth
        for (String path : List.of("/api/v1/org-units", "/api/v1/org-audit", "/api/v1/topics", "/api/v1/consultation-audit")) {
            assertThat(merged.path("paths").path(path).path("get").path("security").toString())
                    .as(path).isEqualTo("[{\"bearerAuth\":[]}]");
        }
        // the gateway's own: login is open, the account list keeps the bearer its document defaults to
        assertThat(merged.at("/paths/~1api~1v1~1auth~1token/post/security").size()).isZero();
        assertThat(merged.at("/paths/~1api~1v1~1auth~1accounts/get/security").toString()).isEqualTo("[{\"bearerAuth\":[]}]");
        assertThat(merged.path("security").toString()).isEqualTo("[{\"bearerAuth\":[]}]");
        assertThat(operations(merged)).allSatisfy(operation -> operation.path("security")
                .forEach(requirement -> assertThat(requirement.fieldNames()).toIterable().containsOnly("bearerAuth")));
    }

    @Test
    void problemIsOneSchemaUnitingTheServicesDefinitionsAndFieldErrorIsKept() {
        JsonNode schemas = merge(true, gateway(), org(), consultation()).at("/components/schemas");

        assertThat(schemas.fieldNames()).toIterable().filteredOn(name -> name.contains("Problem")).containsExactly("Problem");
        JsonNode problem = schemas.path("Problem");
        assertThat(problem.path("properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("type", "status", "errors", "title", "detail");
        // required only where every service requires it: consultation's Problem requires nothing
        assertThat(problem.has("required")).isFalse();
        assertThat(problem.at("/properties/errors/items/$ref").asText()).isEqualTo("#/components/schemas/FieldError");
        assertThat(schemas.has("FieldError")).isTrue();
    }

    @Test
    void requiredOfTheUnitedProblemIsWhatEverySourceRequires() {
        JsonNode problem = merge(true, gateway(), org()).at("/components/schemas/Problem");

        assertThat(problem.path("required")).extracting(JsonNode::asText).containsExactly("type", "status");
    }

    @Test
    void identicalSchemasAreKeptOnceUnderTheirOwnName() {
        JsonNode merged = merge(true, gateway(), org(), consultation());

        assertThat(merged.at("/components/schemas/Page/properties/total/type").asText()).isEqualTo("integer");
        assertThat(merged.at("/components/schemas").fieldNames()).toIterable()
                .noneMatch(name -> name.endsWith("Page") && !name.equals("Page"));
        assertThat(merged.at("/paths/~1api~1v1~1meetings/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Page");
    }

    @Test
    void collidingSchemasArePrefixedWithTheServiceNameAndSchemasReferringToThemFollow() {
        JsonNode merged = merge(true, gateway(), org(), consultation());
        JsonNode schemas = merged.at("/components/schemas");

        assertThat(schemas.has("AuditEntry")).isFalse();
        assertThat(schemas.at("/OrgAuditEntry/properties").has("unitId")).isTrue();
        assertThat(schemas.at("/ConsultationAuditEntry/properties").has("topicId")).isTrue();
        // PageAuditEntry reads the same in both documents, but means a page of different entries: renamed too
        assertThat(schemas.has("PageAuditEntry")).isFalse();
        assertThat(schemas.at("/ConsultationPageAuditEntry/properties/items/items/$ref").asText())
                .isEqualTo("#/components/schemas/ConsultationAuditEntry");
        assertThat(schemas.at("/OrgPageAuditEntry/properties/items/items/$ref").asText())
                .isEqualTo("#/components/schemas/OrgAuditEntry");
        assertThat(merged.at("/paths/~1api~1v1~1consultation-audit/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/ConsultationPageAuditEntry");
        assertThat(merged.at("/paths/~1api~1v1~1org-audit/get/responses/200/content/application~1json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/OrgPageAuditEntry");
        // only what collides is renamed
        assertThat(schemas.has("OrgUnit")).isTrue();
        assertThat(schemas.has("PageOrgUnit")).isTrue();
    }

    @Test
    void aPrefixedNameThatASourceAlreadyUsesFailsInsteadOfOverwritingIt() {
        ObjectNode org = yaml(ORG);
        ((ObjectNode) org.at("/components/schemas")).putObject("ConsultationAuditEntry").put("type", "string");

        assertThatThrownBy(() -> merge(false, new Source("org-service", org, null), consultation()))
                .isInstanceOf(ContractException.class).hasMessageContaining("ConsultationAuditEntry");
    }

    @Test
    void anOperationIdUsedByTwoServicesIsPrefixedWithEachServicesName() {
        JsonNode merged = merge(true, gateway(), org(), consultation());

        assertThat(merged.at("/paths/~1api~1v1~1org-units/get/operationId").asText()).isEqualTo("orgList");
        assertThat(merged.at("/paths/~1api~1v1~1topics/get/operationId").asText()).isEqualTo("consultationList");
        assertThat(merged.at("/paths/~1api~1v1~1meetings/get/operationId").asText()).isEqualTo("listMeetings");
        assertThat(operations(merged)).extracting(op -> op.path("operationId").asText()).doesNotHaveDuplicates();
    }

    @Test
    void anOperationIdUsedTwiceInsideOneServiceFailsAStrictMergeNamingEachUse() {
        ObjectNode consultation = yaml(CONSULTATION);
        ((ObjectNode) consultation.at("/paths/~1api~1v1~1meetings/get")).put("operationId", "list");

        assertThatThrownBy(() -> merge(true, org(), new Source("consultation-service", consultation, null)))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("consultation-service uses operationIds more than once")
                .hasMessageContaining("list (GET /api/v1/meetings)");
    }

    @Test
    void theRunningGatewayStillServesADocumentWithADuplicateOperationIdAndSaysWhatIsWrong() {
        ObjectNode consultation = yaml(CONSULTATION);
        ((ObjectNode) consultation.at("/paths/~1api~1v1~1meetings/get")).put("operationId", "list");

        JsonNode merged = merge(false, gateway(), new Source("consultation-service", consultation, null));

        assertThat(operations(merged)).extracting(op -> op.path("operationId").asText()).doesNotHaveDuplicates();
        assertThat(merged.at("/paths/~1api~1v1~1meetings/get/operationId").asText()).isEqualTo("list_2");
        assertThat(merged.path("x-contract-problems").get(0).asText()).contains("list (GET /api/v1/meetings)");
    }

    @Test
    void aPathDefinedByTwoServicesFailsAStrictMerge() {
        ObjectNode consultation = yaml(CONSULTATION);
        ObjectNode copy = consultation.at("/paths/~1api~1v1~1topics").deepCopy();
        ((ObjectNode) copy.path("get")).put("operationId", "listOrgUnitsAgain");
        ((ObjectNode) consultation.path("paths")).set("/api/v1/org-units", copy);

        assertThatThrownBy(() -> merge(true, org(), new Source("consultation-service", consultation, null)))
                .isInstanceOf(ContractException.class).hasMessageContaining("/api/v1/org-units (consultation-service)");
    }

    @Test
    void aReferenceToNothingFailsAStrictMerge() {
        ObjectNode consultation = yaml(CONSULTATION);
        ((ObjectNode) consultation.at("/paths/~1api~1v1~1meetings/get/responses/200/content/application~1json/schema"))
                .put("$ref", "#/components/schemas/Nowhere");

        assertThatThrownBy(() -> merge(true, org(), new Source("consultation-service", consultation, null)))
                .isInstanceOf(ContractException.class).hasMessageContaining("#/components/schemas/Nowhere");
        assertThat(merge(false, org(), new Source("consultation-service", consultation, null)).path("x-contract-problems")
                .toString()).contains("Nowhere");
    }

    @Test
    void infoAndServersDescribeTheSuiteBehindTheGateway() {
        JsonNode merged = merge(true, gateway(), org(), consultation());

        assertThat(merged.at("/info/version").asText()).isEqualTo("1.0.0");
        assertThat(merged.at("/info/contact/email").asText()).isEqualTo("suite-maintainers@community.example");
        assertThat(merged.at("/info/license/name").asText()).isEqualTo("Apache-2.0");
        assertThat(merged.at("/info/license/url").asText()).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
        assertThat(merged.path("servers").size()).isEqualTo(1);
        assertThat(merged.at("/servers/0/url").asText()).isEqualTo("http://localhost:8080");
        assertThat(merged.at("/servers/0/description").asText()).contains("gateway");
    }

    @Test
    void aMissingServiceIsNamedAndTheOthersAreMerged() {
        JsonNode merged = merge(false, gateway(), org(), new Source("consultation-service", null, "Connection refused"));

        assertThat(merged.path("x-missing-services").get(0).asText()).isEqualTo("consultation-service");
        assertThat(merged.at("/info/description").asText()).contains("consultation-service");
        assertThat(merged.path("paths").has("/api/v1/org-units")).isTrue();
        // without consultation's AuditEntry nothing collides
        assertThat(merged.at("/components/schemas").has("AuditEntry")).isTrue();
    }

    @Test
    void theSameInputsGiveTheSameBytesAndTheInputsAreNotChanged() {
        ObjectNode org = yaml(ORG);
        ObjectNode before = org.deepCopy();
        byte[] first = OpenApiYaml.write(merge(true, gateway(), new Source("org-service", org, null), consultation()));
        byte[] second = OpenApiYaml.write(merge(true, gateway(), org(), consultation()));

        assertThat(first).isEqualTo(second);
        assertThat(org).isEqualTo(before);
        List<String> names = new ArrayList<>();
        yaml(new String(first, StandardCharsets.UTF_8)).at("/components/schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).isSorted();
    }

    @Test
    void theNullableFieldsOfAnOpenApi30ServiceAreWrittenTheOpenApi31Way() {
        ObjectNode volunteer = yaml("""
                openapi: 3.0.3
                info: {title: volunteer-service, version: 1.0.0}
                paths:
                  /api/v1/teams/{id}:
                    get:
                      operationId: getTeam
                      responses:
                        '200':
                          description: team
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Team'}
                components:
                  schemas:
                    Team:
                      type: object
                      properties:
                        note: {type: string, nullable: true, description: free text}
                        kind: {type: string, enum: [A, B], nullable: true}
                        leader:
                          type: object
                          allOf: [{$ref: '#/components/schemas/Leader'}]
                          nullable: true
                        nullable: {type: boolean, nullable: false}
                        name: {type: string}
                      example: {note: null, nullable: true, name: 文康苑}
                    Leader:
                      type: object
                      properties:
                        name: {type: string}
                """);
        JsonNode merged = merge(true, gateway(), new Source("volunteer-service", volunteer, null));

        assertThat(merged.path("openapi").asText()).isEqualTo("3.1.0");
        JsonNode team = merged.at("/components/schemas/Team/properties");
        assertThat(team.at("/note").toString()).isEqualTo("{\"type\":[\"string\",\"null\"],\"description\":\"free text\"}");
        assertThat(team.at("/kind/type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(team.at("/kind/enum").toString()).isEqualTo("[\"A\",\"B\",null]");
        assertThat(team.at("/leader").toString())
                .isEqualTo("{\"anyOf\":[{\"$ref\":\"#/components/schemas/Leader\"},{\"type\":\"null\"}]}");
        // a property called "nullable" is a name, not the keyword; examples are data
        assertThat(team.at("/nullable").toString()).isEqualTo("{\"type\":\"boolean\"}");
        assertThat(team.at("/name").toString()).isEqualTo("{\"type\":\"string\"}");
        assertThat(merged.at("/components/schemas/Team/example").toString()).contains("\"nullable\":true");
        assertThat(merged.toString()).doesNotContain("\"nullable\":true,\"type\"").doesNotContain("\"nullable\":false");
    }

    @Test
    void aStringThatReadsAsANumberStaysAStringInTheWrittenYaml() {
        ObjectNode document = yaml("""
                openapi: 3.1.0
                components:
                  schemas:
                    CheckInCode:
                      type: object
                      properties:
                        code: {type: string}
                      example: {code: '482913', building: '3', version: 1.0}
                """);
        JsonNode again = OpenApiYaml.read(OpenApiYaml.write(document));

        assertThat(again.at("/components/schemas/CheckInCode/example/code").isTextual()).isTrue();
        assertThat(again.at("/components/schemas/CheckInCode/example/building").asText()).isEqualTo("3");
        assertThat(again.at("/components/schemas/CheckInCode/example/building").isTextual()).isTrue();
        assertThat(again.at("/components/schemas/CheckInCode/example/version").isNumber()).isTrue();
    }
}
