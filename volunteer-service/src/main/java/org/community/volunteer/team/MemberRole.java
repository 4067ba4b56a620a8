package org.community.volunteer.team;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "LEADER (队长), DEPUTY (副队长) or MEMBER")
public enum MemberRole {
    LEADER, DEPUTY, MEMBER
}
