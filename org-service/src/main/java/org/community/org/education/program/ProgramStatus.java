package org.community.org.education.program;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A program's life: planned (courses, venues and sessions are set up, trainees enrolled), open (sessions are held,
 * attendance and credits recorded), closed (the record is final). Every allowed move is in {@link #ALLOWED}; anything
 * else is a 409.
 */
@Schema(description = "计划中 PLANNED → 进行中 OPEN → 已结束 CLOSED; a planned program may also be closed without running")
public enum ProgramStatus {
    PLANNED, OPEN, CLOSED;

    private static final Map<ProgramStatus, Set<ProgramStatus>> ALLOWED = Map.of(
            PLANNED, EnumSet.of(OPEN, CLOSED),
            OPEN, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(ProgramStatus.class));

    public boolean mayBecome(ProgramStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Courses, venues, sessions and enrolment may change. */
    public boolean isEditable() {
        return this != CLOSED;
    }
}
