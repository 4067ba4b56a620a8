package org.community.volunteer.hours;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "CODE: the volunteer typed the code shown at the activity; LEADER: a leader or deputy recorded it")
public enum CheckMethod {
    CODE, LEADER
}
