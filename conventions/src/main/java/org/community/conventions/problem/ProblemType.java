package org.community.conventions.problem;

/**
 * The kinds of problem the services answer with. Each has a stable type URI
 * ({@code urn:community-suite:problem:<slug>}) and a title looked up in the messages under
 * {@code problem.<slug>.title}. A client decides what to do from the type, not from the status alone.
 */
public enum ProblemType {
    VALIDATION(400, "validation"),
    MALFORMED_BODY(400, "malformed-body"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable"),
    CONFLICT(409, "conflict"),
    /** The first request with this Idempotency-Key is still being processed: retry after Retry-After, it is not done. */
    IDEMPOTENCY_IN_PROGRESS(409, "idempotency-key-in-progress"),
    /** A feed's cursor is older than what the feed retains (events after it were purged): resync from a snapshot. */
    CHANGES_EXPIRED(410, "changes-expired"),
    PRECONDITION_FAILED(412, "precondition-failed"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    UNPROCESSABLE(422, "unprocessable"),
    IDEMPOTENCY_MISMATCH(422, "idempotency-key-reused"),
    PRECONDITION_REQUIRED(428, "precondition-required"),
    INTERNAL(500, "internal"),
    /** The database (or a service this one needs) cannot be reached: retry after Retry-After. */
    UNAVAILABLE(503, "unavailable"),
    /** Concurrent changes kept colliding (serialization failure, deadlock) after the service's own retries. */
    BUSY(503, "busy");

    public final int status;
    public final String slug;

    ProblemType(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public String uri() {
        return "urn:community-suite:problem:" + slug;
    }

    /** The general type of an HTTP status raised by the framework (404 for an unknown path, 405, 415 …). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
