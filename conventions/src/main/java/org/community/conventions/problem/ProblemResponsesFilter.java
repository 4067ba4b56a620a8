package org.community.conventions.problem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents, once for every service, what the conventions make true of every operation, so the published contract
 * says it without repeating annotations on each method (conventions/README.md, "The OpenAPI contract"):
 * <ul>
 * <li>the problem+json answers: 400, 500 and 503 everywhere, 401/403 under {@code /api/v1}, 404 on paths with an id,
 * 409/422 on writes, 415 on operations that take a body, 412/428 wherever an {@code If-Match} header is taken (every documented 4xx or 5xx
 * answer without content gets the problem schema, also one the operation declares itself); one {@code Problem} schema with {@code FieldError};</li>
 * <li>the headers: {@code Idempotency-Key} on every POST that takes JSON (or nothing), {@code Location} on 201,
 * {@code ETag} on the 2xx of every operation taking {@code If-Match}; a read that declares its ETag
 * ({@code @APIResponse(responseCode = "200", headers = @Header(name = "ETag"), …)}) gets its description,
 * {@code If-None-Match} and 304;</li>
 * <li>one bearer JWT scheme, {@code bearerAuth}, required by every {@code /api/v1} operation;</li>
 * <li>response fields: in a schema only answers use, every property is {@code required} unless it is nullable
 * ({@code @Schema(nullable = true)} on the record component), because the services always write every field of
 * their views, null or not.</li>
 * </ul>
 * A service enables it with {@code mp.openapi.filter=org.community.conventions.problem.ProblemResponsesFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    public static final String SECURITY_SCHEME = "bearerAuth";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM_REF = SCHEMAS + "Problem";
    private static final String JSON = "application/json";
    private static final String ETAG = "The resource's version (a strong ETag), for If-Match on its updates and If-None-Match on reads";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("FieldError", fieldErrorSchema());
        openAPI.getComponents().addSchema("Problem", problemSchema());
        // the only scheme: Quarkus adds its own ("SecurityScheme") for smallrye-jwt, which no client should have to fill
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(SECURITY_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("The gateway's (or the OIDC provider's) RS256 JWT: groups = roles, org_units = scope"));
        openAPI.getComponents().setSecuritySchemes(schemes);
        openAPI.setSecurity(null);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                document(path.getKey(), entry.getKey(), entry.getValue());
            }
        }
        replaceJsonNodes(openAPI);
        Set<String> inlined = inlineNullableReferences(openAPI);
        requireResponseFields(openAPI);
        removeUnusedSchemas(openAPI, inlined);
    }

    /**
     * A property typed as Jackson's {@code JsonNode} is introspected as an array (JsonNode is Iterable), while the services
     * store and send JSON objects there (audit summaries): it is documented as an object with any properties.
     */
    private static void replaceJsonNodes(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null || !schemas.containsKey("JsonNode")) {
            return;
        }
        // the component itself becomes "any JSON object", so every reference to it (plain or in allOf) means that
        openAPI.getComponents().addSchema("JsonNode", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .additionalPropertiesBoolean(Boolean.TRUE).description("A JSON object"));
    }

    /**
     * A nullable property whose schema is a reference ({@code UUID}, {@code OffsetDateTime}, an enum, a nested view) is
     * written by smallrye as {@code allOf: [$ref]} beside {@code nullable: true}, without a {@code type}: invalid in
     * OpenAPI 3.0 ({@code nullable} needs a {@code type}), and a validator rejects {@code null} there because the
     * referenced schema does. A scalar reference is inlined ({@code type: string, format: uuid, nullable: true}; an enum
     * lists {@code null} among its values, as OpenAPI 3.0.3 asks); an object keeps its reference and states
     * {@code type: object}. The merged contract (OpenAPI 3.1) turns these into {@code type: [string, 'null']} and
     * {@code anyOf: [{$ref}, {type: 'null'}]}.
     */
    private static Set<String> inlineNullableReferences(OpenAPI openAPI) {
        Set<String> inlined = new HashSet<>();
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return inlined;
        }
        Deque<Schema> todo = new ArrayDeque<>(schemas.values());
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema.getItems() != null) {
                todo.push(schema.getItems());
            }
            if (schema.getProperties() == null) {
                continue;
            }
            Map<String, Schema> properties = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<String, Schema> property : schema.getProperties().entrySet()) {
                Schema value = property.getValue();
                String ref = nullable(value) ? soleReference(value) : null;
                Schema target = ref == null ? null : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                Schema replacement = target == null ? null : nullableCopy(value, ref, target);
                if (replacement != null) {
                    changed = true;
                    value = replacement;
                    inlined.add(ref.substring(ref.lastIndexOf('/') + 1));
                }
                properties.put(property.getKey(), value);
                todo.push(value);
            }
            if (changed) {
                schema.setProperties(properties);
            }
        }
        return inlined;
    }

    /** The reference a schema consists of: {@code $ref}, {@code allOf: [$ref]} or {@code anyOf: [$ref, null]}; else null. */
    private static String soleReference(Schema schema) {
        if (schema.getRef() != null) {
            return schema.getRef();
        }
        List<Schema> parts = new ArrayList<>();
        nonNull(schema.getAllOf()).forEach(parts::add);
        nonNull(schema.getAnyOf()).stream().filter(s -> !isNullType(s)).forEach(parts::add);
        return parts.size() == 1 && parts.get(0).getRef() != null ? parts.get(0).getRef() : null;
    }

    private static boolean isNullType(Schema schema) {
        return schema.getRef() == null && schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.NULL));
    }

    private static Schema nullableCopy(Schema property, String ref, Schema target) {
        List<Schema.SchemaType> types = target.getType() == null ? List.of()
                : target.getType().stream().filter(t -> t != Schema.SchemaType.NULL).toList();
        if (types.size() != 1 || target.getRef() != null || target.getAllOf() != null || target.getAnyOf() != null
                || target.getOneOf() != null) {
            return null;
        }
        Schema.SchemaType type = types.get(0);
        Schema copy = OASFactory.createSchema().addType(type).addType(Schema.SchemaType.NULL)
                .description(property.getDescription() != null ? property.getDescription() : target.getDescription());
        if (type == Schema.SchemaType.OBJECT || type == Schema.SchemaType.ARRAY) {
            return copy.allOf(new ArrayList<>(List.of(OASFactory.createSchema().ref(ref))));
        }
        copy.format(target.getFormat()).pattern(target.getPattern()).maxLength(target.getMaxLength())
                .minLength(target.getMinLength()).minimum(target.getMinimum()).maximum(target.getMaximum());
        if (target.getEnumeration() != null) {
            List<Object> values = new ArrayList<>(target.getEnumeration());
            values.add(null);
            copy.setEnumeration(values);
        }
        copy.setExample(property.getExample() != null ? property.getExample() : target.getExample());
        return copy;
    }

    /**
     * Drops component schemas nothing refers to (such as the raw generic {@code Page} next to its typed pages), except
     * those {@code keep} names: a component inlined into nullable fields stays, so its name (a generated client's type,
     * such as consultation's {@code Outcome}) is not taken from clients that use it.
     */
    private static void removeUnusedSchemas(OpenAPI openAPI, Set<String> keep) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        List<Schema> roots = new ArrayList<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().stream().filter(p -> p.getSchema() != null).forEach(p -> roots.add(p.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    schemasOf(operation.getRequestBody().getContent(), roots);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(r -> schemasOf(r.getContent(), roots));
                }
            }
        }
        Set<String> used = reachable(roots, schemas);
        used.addAll(keep);
        for (String name : new ArrayList<>(schemas.keySet())) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean hasId = path.contains("{");
        boolean api = path.startsWith("/api/v1/");
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE || method == PathItem.HttpMethod.PATCH;
        boolean ifMatch = hasHeader(operation, "If-Match");

        operation.setSecurity(api ? new ArrayList<>(List.of(OASFactory.createSecurityRequirement().addScheme(SECURITY_SCHEME))) : null);
        if (method == PathItem.HttpMethod.POST && takesJsonOrNothing(operation) && !hasHeader(operation, "Idempotency-Key")) {
            operation.addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                    .description("Makes a retry safe: the same key and body replay the first answer (Idempotent-Replayed: true), "
                            + "another body with the same key is 422, a first request still running is 409 with Retry-After; "
                            + "kept 24 hours, per caller and path")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255)));
        }
        APIResponse ok = responses.getAPIResponse("200");
        boolean conditionalRead = method == PathItem.HttpMethod.GET && ok != null && ok.getHeaders() != null
                && ok.getHeaders().containsKey("ETag");
        if (conditionalRead && !hasHeader(operation, "If-None-Match")) {
            operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                    .description("The ETag of a copy the client holds: 304 without a body when it is still current")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            String code = response.getKey();
            if ("201".equals(code)) {
                addHeader(response.getValue(), "Location", "The created resource's URL (where it has one of its own)");
            }
            if (code.startsWith("2") && ifMatch) {
                addHeader(response.getValue(), "ETag", ETAG);
            }
            if (response.getValue().getHeaders() != null && response.getValue().getHeaders().containsKey("ETag")) {
                addHeader(response.getValue(), "ETag", ETAG);
            }
        }
        if (conditionalRead && !responses.hasAPIResponse("304")) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: If-None-Match names the current version"));
        }

        add(responses, "400", "Invalid request: the problem names each invalid field or parameter in `errors`");
        if (api) {
            add(responses, "401", "No valid bearer token (missing, malformed, expired, tampered, other issuer or audience)");
            add(responses, "403", "The caller's role, or its org-unit scope, does not allow this");
        }
        if (hasId) {
            add(responses, "404", "No such resource, or one the caller may not see");
        }
        if (write) {
            add(responses, "409", "Conflicts with the current state (duplicate, illegal transition); type "
                    + "`idempotency-key-in-progress` with Retry-After when the first request with this Idempotency-Key "
                    + "is still running (it is not done)");
            add(responses, "422", "Refers to data that make it impossible, or an Idempotency-Key reused with another body");
        }
        if (operation.getRequestBody() != null) {
            add(responses, "415", "The body's Content-Type is not one this operation takes");
        }
        if (ifMatch || method == PathItem.HttpMethod.PUT) {
            add(responses, "412", "If-Match names an older version: someone else changed it; reload and decide again");
            add(responses, "428", "If-Match is required: send the ETag of the version read");
        }
        add(responses, "500", "Failure on the service side; quote the requestId");
        add(responses, "503", "The database or a service this one needs is unavailable (type `unavailable`), or "
                + "concurrent changes kept colliding (type `busy`); retry after Retry-After");
        // an error an operation documents itself (a 404 on a path without an id, such as GET /dues/mine) is a problem too
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().matches("[45]\\d\\d") && response.getValue().getContent() == null) {
                response.getValue().setContent(problemContent());
            }
        }
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static boolean takesJsonOrNothing(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getRequestBody().getContent().getMediaTypes() == null) {
            return true;
        }
        return operation.getRequestBody().getContent().getMediaTypes().keySet().stream()
                .allMatch(type -> type.startsWith(JSON) || type.equals("*/*"));
    }

    /** Adds the header, or completes one an operation declared by name only ({@code @Header(name = "ETag")}). */
    private static void addHeader(APIResponse response, String name, String description) {
        Header header = response.getHeaders() == null ? null : response.getHeaders().get(name);
        if (header == null) {
            response.addHeader(name, OASFactory.createHeader().description(description)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            return;
        }
        if (header.getDescription() == null) {
            header.setDescription(description);
        }
        if (header.getSchema() == null) {
            header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            APIResponse existing = responses.getAPIResponse(code);
            if (existing.getContent() == null) {
                existing.setContent(problemContent());
            }
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /**
     * Marks the properties of every schema that only answers use as required, unless nullable: a client can rely on
     * each field being present. Schemas that requests use too keep what bean validation says (only @NotNull fields).
     */
    private static void requireResponseFields(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        List<Schema> answers = new ArrayList<>();
        List<Schema> requests = new ArrayList<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getRequestBody() != null) {
                    schemasOf(operation.getRequestBody().getContent(), requests);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().forEach(r -> schemasOf(r.getContent(), answers));
                }
            }
        }
        Set<String> answerNames = reachable(answers, schemas);
        answerNames.removeAll(reachable(requests, schemas));
        answerNames.removeAll(Set.of("Problem", "FieldError"));
        for (String name : answerNames) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()
                    || (schema.getRequired() != null && !schema.getRequired().isEmpty())) {
                continue;
            }
            List<String> required = new ArrayList<>();
            schema.getProperties().forEach((property, value) -> {
                if (!nullable(value)) {
                    required.add(property);
                }
            });
            schema.setRequired(required.isEmpty() ? null : required);
        }
    }

    private static void schemasOf(Content content, List<Schema> into) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType type : content.getMediaTypes().values()) {
                if (type.getSchema() != null) {
                    into.add(type.getSchema());
                }
            }
        }
    }

    private static Set<String> reachable(List<Schema> roots, Map<String, Schema> schemas) {
        Set<String> names = new HashSet<>();
        Deque<Schema> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Schema schema = todo.pop();
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (names.add(name) && schemas.get(name) != null) {
                    todo.push(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(todo::push);
            }
            if (schema.getItems() != null) {
                todo.push(schema.getItems());
            }
            if (schema.getAdditionalPropertiesSchema() != null) {
                todo.push(schema.getAdditionalPropertiesSchema());
            }
            for (List<Schema> group : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()))) {
                group.forEach(todo::push);
            }
        }
        return names;
    }

    private static boolean nullable(Schema schema) {
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL)) {
            return true;
        }
        for (List<Schema> group : List.of(nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()))) {
            if (group.stream().anyMatch(s -> s.getType() != null && s.getType().contains(Schema.SchemaType.NULL))) {
                return true;
            }
        }
        return Boolean.TRUE.equals(schema.get("nullable"));
    }

    private static List<Schema> nonNull(List<Schema> list) {
        return list == null ? List.of() : list;
    }

    private static Schema fieldErrorSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An invalid field of the request")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("JSON field name, query parameter, header, or `line 12` for an import row"))
                .addProperty("message", text.description("What is wrong, in the caller's language"))
                .required(List.of("field", "message"))
                .example(fieldError("parentId", "上级组织不存在"));
    }

    private static Schema problemSchema() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:community-suite:problem:validation");
        example.put("title", "请求参数不合法");
        example.put("status", 400);
        example.put("detail", "请求中有 1 处错误");
        example.put("instance", "/api/v1/org-units");
        example.put("requestId", "5f0c2a4e-1b7d-4c6e-9a3f-2d8b7c6e5f40");
        example.put("errors", List.of(fieldError("name", "不能为空")));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json); title, detail and messages in the language of "
                        + "Accept-Language (zh-CN default, en)")
                .addProperty("type", string("URI naming the kind of problem, `urn:community-suite:problem:<slug>`: what a client branches on"))
                .addProperty("title", string("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status"))
                .addProperty("detail", string("What went wrong in this request"))
                .addProperty("instance", string("The request path"))
                .addProperty("requestId", string("The request id (X-Request-Id) to quote to support"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("The fields, query parameters or headers at fault")
                        .items(OASFactory.createSchema().ref(SCHEMAS + "FieldError")))
                .required(List.of("type", "title", "status"))
                .example(example);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }


    /** An example field error with its keys in a fixed order (Map.of's order changes from one JVM to the next). */
    private static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new java.util.LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }
}
