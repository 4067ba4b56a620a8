package org.community.org.education.teacher;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "INTERNAL: a party member of the unit's tree (日常授课); EXTERNAL: party schools, universities, experts (兼职授课)")
public enum TeacherKind {
    INTERNAL, EXTERNAL
}
