package org.community.consultation.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem+json answers every operation can give, so each operation lists its error responses
 * without repeating them on every method: 400, 401, 403 and 500/503 everywhere, 404 on paths with an id, and the
 * conflict and precondition answers on writes.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean hasId = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                boolean write = op.getKey() != PathItem.HttpMethod.GET;
                APIResponses responses = op.getValue().getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    op.getValue().setResponses(responses);
                }
                add(responses, "400", "Invalid request: the fields at fault are listed in `errors`");
                add(responses, "401", "No valid bearer token (missing, malformed, expired, tampered, other issuer or audience)");
                add(responses, "403", "The caller's role or org scope does not allow this");
                if (hasId) {
                    add(responses, "404", "No such resource, or one the caller may not see");
                }
                if (write) {
                    add(responses, "409", "Conflicts with the current state (illegal transition, duplicate, window closed)");
                    add(responses, "412", "If-Match names an outdated version");
                    add(responses, "422", "Refers to data that make it impossible; the field is named in `errors`");
                    add(responses, "428", "If-Match is required for this change");
                }
                add(responses, "500", "Unexpected failure; quote the request id");
                add(responses, "503", "A service this one depends on (org-service, volunteer-service, the database) is unavailable");
            }
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(content));
    }
}
