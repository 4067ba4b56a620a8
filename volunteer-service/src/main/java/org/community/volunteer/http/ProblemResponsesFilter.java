package org.community.volunteer.http;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem+json answers every operation may give: 400, 401, 403 and 500 everywhere, 404 on paths with an
 * id, 409/412/422/428/503 on writes. Operations keep the responses they document themselves. Also declares the
 * bearer JWT every /api/v1 operation needs (gateway/README.md "Token contract").
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> ALWAYS = Map.of(
            "400", "Invalid request: the fields are named in `errors`",
            "401", "No valid bearer token (missing, malformed, expired, tampered, other issuer or audience); WWW-Authenticate: Bearer",
            "403", "The caller's roles or org scope do not allow this",
            "500", "Unexpected failure; quote the request id");
    private static final Map<String, String> WRITES = Map.of(
            "409", "Conflicts with the current state (duplicate, full, overlap, illegal transition)",
            "422", "Refers to data that make it impossible (unknown ids, other community, hours over the activity length)",
            "503", "org-service is unavailable for a check this write needs");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("The gateway's (or the OIDC provider's) RS256 JWT: groups = roles, org_units = scope"));
        openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasId = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                ALWAYS.forEach((code, text) -> add(operation.getResponses(), code, text));
                if (hasId) {
                    add(operation.getResponses(), "404", "No such resource");
                }
                if (entry.getKey() != PathItem.HttpMethod.GET) {
                    WRITES.forEach((code, text) -> add(operation.getResponses(), code, text));
                }
                if (entry.getKey() == PathItem.HttpMethod.PUT) {
                    add(operation.getResponses(), "412", "If-Match names an older version");
                    add(operation.getResponses(), "428", "If-Match is missing");
                }
                if (entry.getKey() == PathItem.HttpMethod.GET && path.getKey().contains("orgUnitId") || hasOrgUnitQuery(operation)) {
                    add(operation.getResponses(), "422", "The org unit is unknown");
                    add(operation.getResponses(), "503", "The org unit is not known here and org-service is unavailable");
                }
            }
        }
    }

    private static boolean hasOrgUnitQuery(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "orgUnitId".equals(p.getName()));
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        Schema problem = OASFactory.createSchema().ref("#/components/schemas/Problem");
        MediaType media = OASFactory.createMediaType().schema(problem);
        Content content = OASFactory.createContent().addMediaType("application/problem+json", media);
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        responses.addAPIResponse(code, response);
    }
}
