package org.community.volunteer.hours;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A service record's life: checked in → submitted by check-out → verified or rejected by a leader. */
@Schema(description = "CHECKED_IN, SUBMITTED (checked out, awaiting review), VERIFIED (counts) or REJECTED")
public enum RecordStatus {
    CHECKED_IN, SUBMITTED, VERIFIED, REJECTED;

    private static final Map<RecordStatus, Set<RecordStatus>> ALLOWED = Map.of(
            CHECKED_IN, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(VERIFIED, REJECTED),
            VERIFIED, EnumSet.noneOf(RecordStatus.class),
            REJECTED, EnumSet.noneOf(RecordStatus.class));

    public boolean mayBecome(RecordStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
