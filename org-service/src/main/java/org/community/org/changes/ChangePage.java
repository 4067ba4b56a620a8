package org.community.org.changes;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnitChangePage", description = "A page of the change feed")
public record ChangePage(
        @Schema(description = "Events with seq > after, ascending") List<ChangeEvent> items,
        @Schema(description = "The seq of the last item, or `after` when there is none: the next request's `after`") long next,
        @Schema(description = "The highest seq in the feed") long latest,
        @Schema(description = "The lowest seq still retained (0 when the feed is empty)") long oldest) {
}
