package org.community.volunteer.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VolunteerAuditEntry", description = "One change: who (token sub, name, roles), what (action on a resource), when, from which request",
        example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a99\",\"occurredAt\":\"2026-11-23T20:15:00+08:00\",\"actor\":\"secretary-a\","
                + "\"actorName\":\"书记 王五\",\"roles\":[\"COMMUNITY_SECRETARY\"],\"action\":\"volunteer.verify\",\"resourceType\":\"volunteer\","
                + "\"resourceId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"requestId\":\"7f1c…\",\"summary\":{\"verificationStatus\":\"VERIFIED\"}}")
public record AuditEntry(UUID id, OffsetDateTime occurredAt, String actor, String actorName, List<String> roles, String action,
        String resourceType, String resourceId, String requestId,
        @Schema(description = "Changed fields or the new state; never full ID numbers or phones", type = SchemaType.OBJECT, additionalProperties = Schema.True.class, nullable = true) JsonNode summary) {
}
