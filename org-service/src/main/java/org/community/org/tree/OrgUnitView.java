package org.community.org.tree;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An org unit as callers see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OrgUnit", description = "A unit of the party-organization chain",
        example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"code\":\"JXY\",\"name\":\"江欣苑社区党委\",\"level\":\"COMMUNITY\","
                + "\"form\":\"COMMITTEE\",\"status\":\"ACTIVE\",\"parentId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a01\",\"depth\":4,\"hasLeader\":true,"
                + "\"establishedOn\":\"2016-05-01\",\"leaderName\":\"王红\",\"version\":3,\"childCount\":8,"
                + "\"createdAt\":\"2023-08-20T09:00:00+08:00\",\"updatedAt\":\"2023-08-21T10:30:00+08:00\"}")
public record OrgUnitView(
        UUID id, String code, String name, Level level,
        @Schema(nullable = true, description = "The party organization's form; null for a unit without a party organization of its own (a grid, a building)") OrgForm form,
        UnitStatus status,
        @Schema(nullable = true, description = "Parent unit; absent at the top") UUID parentId,
        @Schema(description = "1 for a top unit, one more for each level below") int depth,
        @Schema(nullable = true) LocalDate establishedOn, @Schema(nullable = true) String address,
        @Schema(nullable = true, description = "Current secretary or group leader from the posts; otherwise a display text") String leaderName,
        @Schema(description = "An active SECRETARY post (GROUP_LEADER for a group) is recorded") boolean hasLeader,
        @Schema(nullable = true) LocalDate dissolvedOn, @Schema(nullable = true) String dissolveReason,
        @Schema(description = "Version, also sent as the ETag") long version,
        @Schema(nullable = true, description = "Active children; in lists only") Long childCount,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static OrgUnitView of(OrgUnit unit) {
        return of(unit, null);
    }

    public static OrgUnitView of(OrgUnit unit, Long childCount) {
        return new OrgUnitView(unit.id(), unit.code(), unit.name(), unit.level(), unit.form(), unit.status(), unit.parentId(),
                unit.depth(), unit.establishedOn(), unit.address(), unit.leaderName(), unit.hasLeader(), unit.dissolvedOn(), unit.dissolveReason(),
                unit.version(), childCount, Times.local(unit.createdAt()), Times.local(unit.updatedAt()));
    }
}
