package org.community.org.security;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.community.conventions.db.Db;
import org.community.conventions.db.Ids;
import org.community.org.household.Phones;
import org.community.org.member.IdNumbers;
import org.jboss.logging.MDC;

/**
 * Writes the audit log: who changed what, when, from which request. Called by the service method that makes the
 * change, inside its transaction, so a failed write leaves no entry and no change goes without one.
 */
@ApplicationScoped
public class Audit {

    @Inject
    Db db;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    /**
     * One entry. {@code orgPath} is the affected unit's path (what scope filtering of the log uses); {@code summary}
     * is the changed fields or the new state, any object Jackson writes: phone and ID numbers in it are stored masked.
     */
    public void record(String action, String resourceType, Object resourceId, String orgPath, Object summary) {
        db.update("insert into audit_entry (id, occurred_at, actor, actor_name, roles, action, resource_type, resource_id, org_path,"
                + " request_id, summary) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)",
                Ids.newId(), Instant.now(), caller.subject(), caller.name(), caller.roles().stream().sorted().toArray(String[]::new),
                action, resourceType, String.valueOf(resourceId), orgPath, requestId(), render(summary));
    }

    /**
     * Entries of one action for many resources in one JDBC batch (a branch's month of payments): the same rows as
     * {@link #record} would write one by one.
     */
    public void recordAll(String action, String resourceType, java.util.List<?> resourceIds, java.util.List<String> orgPaths,
            java.util.List<?> summaries) {
        String[] roles = caller.roles().stream().sorted().toArray(String[]::new);
        java.time.OffsetDateTime now = Instant.now().atOffset(java.time.ZoneOffset.UTC);
        db.withConnection(connection -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement("insert into audit_entry (id, occurred_at, actor, actor_name,"
                    + " roles, action, resource_type, resource_id, org_path, request_id, summary) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                java.sql.Array roleArray = connection.createArrayOf("text", roles);
                for (int i = 0; i < resourceIds.size(); i++) {
                    statement.setObject(1, Ids.newId());
                    statement.setObject(2, now);
                    statement.setString(3, caller.subject());
                    statement.setString(4, caller.name());
                    statement.setArray(5, roleArray);
                    statement.setString(6, action);
                    statement.setString(7, resourceType);
                    statement.setString(8, String.valueOf(resourceIds.get(i)));
                    statement.setString(9, orgPaths.get(i));
                    statement.setString(10, requestId());
                    statement.setString(11, render(summaries.get(i)));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    private String render(Object summary) {
        JsonNode tree = summary == null ? json.createObjectNode() : json.valueToTree(summary);
        mask(tree);
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit summary not writable", e);
        }
    }

    /** Personal data never reaches the log in full. */
    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey().toLowerCase(java.util.Locale.ROOT);
                if (field.getValue().isTextual() && name.contains("idnumber")) {
                    field.setValue(object.textNode(IdNumbers.mask(field.getValue().asText())));
                } else if (field.getValue().isTextual() && name.contains("phone")) {
                    field.setValue(object.textNode(Phones.mask(field.getValue().asText())));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(Audit::mask);
        }
    }

    private static String requestId() {
        Object id = MDC.get("requestId");
        return id == null ? null : id.toString();
    }
}
