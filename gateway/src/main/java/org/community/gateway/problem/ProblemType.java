package org.community.gateway.problem;

/**
 * The kinds of problem this service answers with. Each has a stable type URI and a title looked up in
 * the messages bundle under {@code problem.<slug>.title}.
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
    PRECONDITION_FAILED(412, "precondition-failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large"),
    URI_TOO_LONG(414, "uri-too-long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    UNPROCESSABLE(422, "unprocessable"),
    IDEMPOTENCY_MISMATCH(422, "idempotency-key-reused"),
    PRECONDITION_REQUIRED(428, "precondition-required"),
    TOO_MANY_REQUESTS(429, "too-many-requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large"),
    INTERNAL(500, "internal"),
    BAD_GATEWAY(502, "bad-gateway"),
    UNAVAILABLE(503, "unavailable"),
    GATEWAY_TIMEOUT(504, "gateway-timeout");

    public final int status;
    public final String slug;

    ProblemType(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public String uri() {
        return "urn:community-suite:problem:" + slug;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
