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
