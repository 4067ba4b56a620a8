package org.community.org.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "QUEUED (file received), RUNNING, SUCCEEDED (all rows written), FAILED (nothing written; see errors), "
        + "ABANDONED (the replica running it stopped; nothing written)")
public enum ImportStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, ABANDONED
}
