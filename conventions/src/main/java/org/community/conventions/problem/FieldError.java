package org.community.conventions.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field (or import line) of a request, as listed in a problem's {@code errors}. */
@Schema(description = "An invalid field of the request", example = "{\"field\":\"parentId\",\"message\":\"上级组织不存在\"}")
public record FieldError(
        @Schema(description = "JSON field name, query parameter, header, or `line 12` for an import row") String field,
        @Schema(description = "What is wrong, in the caller's language") String message) {
}
