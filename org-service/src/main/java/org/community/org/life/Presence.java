package org.community.org.life;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "出席 PRESENT, 请假 EXCUSED, 缺席 ABSENT")
public enum Presence {
    PRESENT, EXCUSED, ABSENT
}
