package org.community.org.changes;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One change of the tree, with CloudEvents 1.0 attribute names so that a broker could carry it unchanged (README
 * "The change feed").
 */
@Schema(name = "OrgUnitChangeEvent", description = "A change of one org unit, CloudEvents 1.0 attributes")
public record ChangeEvent(
        @Schema(example = "1.0") String specversion,
        @Schema(description = "The seq as a string", example = "1234") String id,
        @Schema(description = "Global sequence number: ascending in commit order", example = "1234") long seq,
        @Schema(example = "/org-service/org-units") String source,
        @Schema(enumeration = { "org-unit.created", "org-unit.renamed", "org-unit.moved", "org-unit.dissolved", "org-unit.changed",
                "org-unit.secretary-changed" }) String type,
        @Schema(description = "The unit's id") String subject,
        @Schema(description = "When the change was written") Instant time,
        ChangeData data) {

    static final String SPEC_VERSION = "1.0";
    static final String SOURCE = "/org-service/org-units";
}
