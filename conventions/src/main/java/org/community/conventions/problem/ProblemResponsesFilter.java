package org.community.conventions.problem;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents the problem+json answers every operation can give, so the published contract lists them without
 * repeating annotations on each method: 400 and 500/503 everywhere, 401/403 under {@code /api/v1}, 404 on paths with
 * an id, 409/422 on writes, 412/428 on updates. Operations keep the responses they document themselves (a missing
 * content is filled in with the problem schema). Also declares the bearer JWT every {@code /api/v1} operation needs.
 * A service enables it with {@code mp.openapi.filter=org.community.conventions.problem.ProblemResponsesFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        openAPI.getComponents().addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("The gateway's (or the OIDC provider's) RS256 JWT: groups = roles, org_units = scope"));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasId = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                APIResponses responses = entry.getValue().getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    entry.getValue().setResponses(responses);
                }
                PathItem.HttpMethod method = entry.getKey();
                boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                        || method == PathItem.HttpMethod.DELETE || method == PathItem.HttpMethod.PATCH;
                add(responses, "400", "Invalid request: the problem names each invalid field or parameter in `errors`");
                if (path.getKey().startsWith("/api/v1/")) {
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
                if (method == PathItem.HttpMethod.PUT) {
                    add(responses, "412", "If-Match names an older version: someone else changed it");
                    add(responses, "428", "If-Match is required");
                }
                add(responses, "500", "Failure on the service side; quote the requestId");
                add(responses, "503", "The database or a service this one needs is unavailable (type `unavailable`), or "
                        + "concurrent changes kept colliding (type `busy`); retry after Retry-After");
            }
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

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; title and detail in the language of Accept-Language (zh-CN default, en)")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .example("urn:community-suite:problem:validation"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("requestId", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .addProperty("field", text)
                                .addProperty("message", text)))
                .example(Map.of("type", "urn:community-suite:problem:validation", "title", "请求参数不合法", "status", 400,
                        "detail", "请求中有 1 处错误", "instance", "/api/v1/org-units",
                        "errors", List.of(Map.of("field", "name", "message", "不能为空"))));
    }
}
