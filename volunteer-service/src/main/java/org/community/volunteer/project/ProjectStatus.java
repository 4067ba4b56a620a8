package org.community.volunteer.project;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PLANNED → IN_PROGRESS → DONE, or CANCELLED from either of the first two. */
@Schema(description = "PLANNED → IN_PROGRESS → DONE, or CANCELLED")
public enum ProjectStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    private static final Map<ProjectStatus, Set<ProjectStatus>> ALLOWED = Map.of(
            PLANNED, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(DONE, CANCELLED),
            DONE, EnumSet.noneOf(ProjectStatus.class),
            CANCELLED, EnumSet.noneOf(ProjectStatus.class));

    public boolean mayBecome(ProjectStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isLive() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
