package org.community.org.education.attendance;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "CODE: the member typed the sign-in code shown at the venue; STAFF: recorded by staff")
public enum AttendanceMethod {
    CODE, STAFF
}
