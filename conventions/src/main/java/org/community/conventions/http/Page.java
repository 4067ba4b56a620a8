package org.community.conventions.http;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: {@code {items, page, size, total}}. */
@Schema(description = "One page of a list")
public record Page<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Zero-based page number", example = "0") int page,
        @Schema(description = "Page size asked for", example = "20") int size,
        @Schema(description = "Number of items over all pages", example = "88") long total) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page, request.size, total);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
