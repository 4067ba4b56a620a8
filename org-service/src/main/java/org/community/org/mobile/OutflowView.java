package org.community.org.mobile;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.community.org.household.Phones;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MobileMember", description = "An outflow of a member: seen by the origin and by the station",
        example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a60\",\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"memberName\":\"张伟\","
                + "\"originUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"originUnitName\":\"江欣苑第一支部\",\"destinationCity\":\"深圳市\","
                + "\"reason\":\"务工\",\"contactPhone\":\"138****1234\",\"leftOn\":\"2026-03-01\",\"stationUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a50\","
                + "\"stationUnitName\":\"南山流动党员服务站\",\"registeredOn\":\"2026-03-10\",\"active\":true,\"version\":2}")
public record OutflowView(UUID id, UUID memberId, String memberName, UUID originUnitId, String originUnitName, String destinationCity,
        @Schema(nullable = true) String destinationAddress, @Schema(nullable = true) String reason,
        @Schema(nullable = true, description = "Masked (138****1234) unless the caller is an admin role, grid worker or team leader of the origin's "
                + "or the station's scope") String contactPhone,
        LocalDate leftOn, @Schema(nullable = true) LocalDate expectedReturnOn, @Schema(nullable = true) UUID stationUnitId,
        @Schema(nullable = true) String stationUnitName, @Schema(nullable = true) LocalDate registeredOn, @Schema(nullable = true) LocalDate returnedOn, @Schema(description = "Not back yet") boolean active,
        long version, @JsonIgnore String originPath, @JsonIgnore String stationPath) {

    static OutflowView of(Outflow o, String memberName, UUID originUnitId, String originUnitName, String stationUnitName,
            String originPath, String stationPath, boolean showPhone) {
        return new OutflowView(o.id(), o.memberId(), memberName, originUnitId, originUnitName, o.destinationCity(), o.destinationAddress(),
                o.reason(), showPhone ? o.contactPhone() : Phones.mask(o.contactPhone()), o.leftOn(), o.expectedReturnOn(), o.stationUnitId(),
                stationUnitName, o.registeredOn(), o.returnedOn(), o.returnedOn() == null, o.version(), originPath, stationPath);
    }
}
