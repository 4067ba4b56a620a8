package org.community.conventions.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code ?page=0&size=20}: zero-based page, at most 200 items a page. */
public class PageRequest {

    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(1_000_000)
    @Parameter(description = "Zero-based page number", example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Items per page, 1 to 200", example = "20")
    public int size;

    public static PageRequest of(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = page;
        request.size = size;
        return request;
    }

    public long offset() {
        return (long) page * size;
    }
}
