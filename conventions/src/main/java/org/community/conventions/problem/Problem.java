package org.community.conventions.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error answer of a service. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)",
        example = "{\"type\":\"urn:community-suite:problem:validation\",\"title\":\"请求参数不合法\",\"status\":400,"
                + "\"detail\":\"请求中有 1 处错误\",\"instance\":\"/api/v1/org-units\","
                + "\"errors\":[{\"field\":\"name\",\"message\":\"不能为空\"}]}")
public record Problem(
        @Schema(description = "URI naming the kind of problem") String type,
        @Schema(description = "Short summary of the kind of problem") String title,
        @Schema(description = "HTTP status") int status,
        @Schema(description = "What went wrong in this request") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "The request id (X-Request-Id) to quote to support") String requestId,
        @Schema(description = "Invalid fields, for validation problems") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
