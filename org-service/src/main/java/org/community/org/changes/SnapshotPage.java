package org.community.org.changes;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnitSnapshotPage", description = "A page of every unit, dissolved ones included, keyset-paged by id")
public record SnapshotPage(
        List<SnapshotUnit> items,
        @Schema(description = "The feed's latest seq when this page was served. Record it from the FIRST page, read every page, "
                + "then follow the feed from it (replaying the overlap is harmless)") long asOf,
        @Schema(nullable = true, description = "The afterId of the next page; null when this was the last") java.util.UUID nextAfterId) {
}
