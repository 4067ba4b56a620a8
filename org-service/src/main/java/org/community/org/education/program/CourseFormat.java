package org.community.org.education.program;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a course is taught, which decides the venues a session of it needs. */
@Schema(description = "集中面授 IN_PERSON (one or more classrooms), 线上 ONLINE (no venue), "
        + "视频 VIDEO (one main classroom 主课堂 and any sub-classrooms 分课堂)")
public enum CourseFormat {
    IN_PERSON, ONLINE, VIDEO
}
