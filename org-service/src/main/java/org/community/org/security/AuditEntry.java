package org.community.org.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.community.conventions.db.Db;
import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit log entry as the API shows it. */
@Schema(name = "OrgAuditEntry", description = "One change: who (token sub, name, roles), what (action on a resource), when, from which request")
public record AuditEntry(UUID id, OffsetDateTime occurredAt,
        @Schema(description = "The token's subject") String actor, String actorName, List<String> roles,
        @Schema(example = "member.transition") String action, @Schema(example = "member") String resourceType, String resourceId,
        @Schema(description = "The X-Request-Id of the change") String requestId,
        @Schema(description = "The changed fields or the new state; phone and ID numbers masked", type = SchemaType.OBJECT, additionalProperties = Schema.True.class, nullable = true) JsonNode summary) {

    static AuditEntry map(ResultSet row, ObjectMapper json) throws SQLException {
        try {
            return new AuditEntry(Db.uuid(row, "id"), Times.local(Db.instant(row, "occurred_at")), row.getString("actor"),
                    row.getString("actor_name"), List.of((String[]) row.getArray("roles").getArray()), row.getString("action"),
                    row.getString("resource_type"), row.getString("resource_id"), row.getString("request_id"),
                    json.readTree(row.getString("summary")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable audit summary", e);
        }
    }
}
