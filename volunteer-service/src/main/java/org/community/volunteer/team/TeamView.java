package org.community.volunteer.team;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Team", description = "A volunteer team with the snapshot of its org unit",
        example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a30\",\"name\":\"江欣苑社区党员先锋志愿服务队\",\"orgUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\","
                + "\"orgUnitName\":\"江欣苑社区\",\"category\":\"ELDER_CARE\",\"leaderId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\","
                + "\"deputyIds\":[],\"memberCount\":12,\"status\":\"ACTIVE\",\"version\":1,"
                + "\"createdAt\":\"2023-08-20T09:00:00+08:00\",\"updatedAt\":\"2023-08-21T10:30:00+08:00\"}")
public record TeamView(UUID id, String name, UUID orgUnitId,
        @Schema(nullable = true, description = "Name of the org unit when the team was attached to it") String orgUnitName,
        @Schema(nullable = true) String category, @Schema(nullable = true) String description, @Schema(nullable = true) UUID leaderId, List<UUID> deputyIds, Long memberCount, TeamStatus status,
        long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static TeamView of(Team t, List<UUID> deputyIds, Long memberCount) {
        return new TeamView(t.id, t.name, t.orgUnitId, t.orgUnitName, t.category, t.description, t.leaderId, deputyIds,
                memberCount, t.status, t.version, Times.local(t.createdAt), Times.local(t.updatedAt));
    }
}
