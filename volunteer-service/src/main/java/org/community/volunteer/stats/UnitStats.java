package org.community.volunteer.stats;

import java.math.BigDecimal;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UnitStats", description = "Volunteer figures for an org unit's whole subtree",
        example = "{\"orgUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"orgUnitName\":\"滨湖世纪社区\",\"year\":2023,\"teams\":68,"
                + "\"volunteers\":15000,\"verifiedHoursThisYear\":52310.5,\"verifiedRecordsThisYear\":20480,\"projectsDone\":80,\"demandsOpen\":12}")
public record UnitStats(UUID orgUnitId, @Schema(nullable = true) String orgUnitName,
        @Schema(description = "Calendar year (Asia/Shanghai) of the hours figures") int year,
        @Schema(description = "Active teams") long teams,
        @Schema(description = "Registered volunteers") long volunteers,
        @Schema(description = "Verified service hours this year") BigDecimal verifiedHoursThisYear,
        @Schema(description = "Verified service records this year") long verifiedRecordsThisYear,
        @Schema(description = "Projects done") long projectsDone,
        @Schema(description = "Demands not yet closed") long demandsOpen) {
}
