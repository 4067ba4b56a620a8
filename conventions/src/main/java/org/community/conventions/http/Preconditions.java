package org.community.conventions.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;

/** ETags from entity versions; {@code If-Match} required on updates so two clerks cannot overwrite each other. */
public final class Preconditions {

    private Preconditions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** For GET: 304 when the caller's {@code If-None-Match} is current, otherwise the entity with its ETag. */
    public static Response okWithEtag(Request request, long version, Object entity) {
        EntityTag tag = etag(version);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).build();
        }
        return Response.ok(entity).tag(tag).build();
    }

    /** For writes on an existing resource: 428 without {@code If-Match}, 412 when it names another version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    java.util.List.of(new ProblemException.Violation("If-Match", "ifMatchRequired")), "ifMatchRequired");
        }
        checkMatch(ifMatch, currentVersion);
    }

    /** For writes where {@code If-Match} is optional: checked when given. */
    public static void checkMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String expected = etag(currentVersion).toString();
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(expected)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                java.util.List.of(new ProblemException.Violation("If-Match", "staleVersion", currentVersion)), "staleVersion",
                currentVersion);
    }
}
