package org.community.org.changes;

import java.util.List;
import java.util.UUID;

import org.community.org.tree.Level;
import org.community.org.tree.OrgForm;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit as it is after the change: the {@code data} of a change event. */
@Schema(name = "OrgUnitChangeData", description = "The unit as it is after the change")
public record ChangeData(
        UUID unitId,
        @Schema(nullable = true) UUID parentId,
        String code,
        String name,
        Level level,
        @Schema(nullable = true) OrgForm form,
        boolean dissolved,
        @Schema(description = "Ids of the ancestors, the root first, the parent last") List<UUID> ancestorIds,
        @Schema(description = "The unit's materialized path after the change; its subtree is the range [path, path + '~')",
                example = "/1/2f/9k/") String path,
        @Schema(description = "The path before the change: differs from path only for org-unit.moved, whose one event covers the whole subtree "
                + "(every path starting with oldPath now starts with path)", example = "/1/2e/9k/") String oldPath,
        @Schema(nullable = true, description = "The enclosing community's path (the unit's own when a community); null above community level")
        String communityPath) {
}
