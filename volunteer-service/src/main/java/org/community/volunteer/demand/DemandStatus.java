package org.community.volunteer.demand;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "OPEN, IN_PROJECT (a live project took it up) or CLOSED (a done project solved it)")
public enum DemandStatus {
    OPEN, IN_PROJECT, CLOSED
}
