package org.community.org.tree;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "ACTIVE, or DISSOLVED (kept for history, no longer counted)")
public enum UnitStatus {
    ACTIVE, DISSOLVED
}
