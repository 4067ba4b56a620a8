package org.community.org.mobile;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StationRegistration", description = "Registration at a service station (流动党员服务站) in the destination's tree",
        example = "{\"stationUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a50\",\"registeredOn\":\"2026-03-10\"}")
public record Registration(@NotNull UUID stationUnitId, @NotNull @PastOrPresent LocalDate registeredOn) {
}
