package org.community.conventions.orgfeed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The JSON of org-service's feed and snapshot endpoints (the suite's feed contract), as far as a consumer reads it. */
public final class FeedTypes {

    private FeedTypes() {
    }

    /** A unit after a change, or as the snapshot lists it ({@code oldPath} absent there). Paths are org-service's keys. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitData(UUID unitId, UUID parentId, String code, String name, String level, String form, boolean dissolved,
            List<UUID> ancestorIds, String path, String oldPath, String communityPath) {
    }

    /** One change (CloudEvents attribute names). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChangeEvent(String id, long seq, String type, String subject, Instant time, UnitData data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChangesPage(List<ChangeEvent> items, long next, long latest, long oldest) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SnapshotPage(List<UnitData> items, long asOf, UUID nextAfterId) {
    }
}
