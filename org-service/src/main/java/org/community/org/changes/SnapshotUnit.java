package org.community.org.changes;

import java.util.List;
import java.util.UUID;

import org.community.org.tree.Level;
import org.community.org.tree.OrgForm;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrgUnitSnapshotItem", description = "A unit as the feed describes it, for a consumer's full resync")
public record SnapshotUnit(UUID unitId, @Schema(nullable = true) UUID parentId, String code, String name, Level level,
        @Schema(nullable = true) OrgForm form, boolean dissolved,
        @Schema(description = "Ids of the ancestors, the root first") List<UUID> ancestorIds,
        String path,
        @Schema(nullable = true) String communityPath) {

    static SnapshotUnit of(ChangeData data) {
        return new SnapshotUnit(data.unitId(), data.parentId(), data.code(), data.name(), data.level(), data.form(), data.dissolved(),
                data.ancestorIds(), data.path(), data.communityPath());
    }
}
