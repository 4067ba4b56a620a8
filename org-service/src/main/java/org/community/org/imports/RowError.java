package org.community.org.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportRowError", description = "A rejected row of an import file",
        example = "{\"line\":1042,\"field\":\"parentCode\",\"message\":\"上级组织 JXY-9 不存在\"}")
public record RowError(@Schema(description = "Line number in the file, 1 = first line") long line,
        @Schema(description = "Column or field") String field,
        @Schema(description = "What is wrong") String message) {
}
