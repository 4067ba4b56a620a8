package org.community.org.education.program;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "教室 CLASSROOM (in-person courses), 主课堂 MAIN_CLASSROOM and 分课堂 SUB_CLASSROOM (video courses)")
public enum VenueKind {
    CLASSROOM, MAIN_CLASSROOM, SUB_CLASSROOM
}
