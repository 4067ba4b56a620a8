package org.community.consultation.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.community.conventions.db.Db;
import org.community.conventions.db.Ids;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.consultation.security.Actor;
import org.community.consultation.security.Caller;
import org.community.consultation.security.Scope;

/**
 * The audit log: one entry per change, written by the service method in the transaction of the change itself (a
 * failed change leaves no entry; no change without one). Summaries name changed fields and new states, never ballot
 * choices, full ID numbers or phones. The hash chain of a vote's ballots stays that vote's own audit.
 */
@ApplicationScoped
public class AuditLog {

    public record Filter(Scope scope, String within, String actor, String resourceType, String resourceId, Instant from, Instant to) {
    }

    @Inject
    Db db;

    /** "Now" for the records written here, on the same clock as the deadlines (tests move it). */
    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    /** Records that the caller of this request did {@code action} (e.g. {@code vote.open}) to a resource at {@code orgPath}. */
    public void record(String action, String resourceType, Object resourceId, String orgPath, Map<String, ?> summary) {
        record(caller.actor(), action, resourceType, resourceId, orgPath, summary);
    }

    /** Records a change made by {@code actor} (work done off the request thread, or by the scheduler). */
    public void record(Actor actor, String action, String resourceType, Object resourceId, String orgPath, Map<String, ?> summary) {
        String text;
        try {
            text = json.writeValueAsString(summary == null ? Map.of() : summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.update("insert into audit_entry (id, occurred_at, actor, actor_name, roles, action, resource_type, resource_id, org_path,"
                + " request_id, summary) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)", Ids.newId(), clock.instant(),
                actor.subject() == null ? "unknown" : actor.subject(), actor.name(), actor.roles().toArray(String[]::new), action,
                resourceType, String.valueOf(resourceId), orgPath, actor.requestId(), text);
    }

    /** A summary map that keeps insertion order and drops null values. */
    public static Map<String, Object> summary(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    public List<AuditEntry> search(Filter filter, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list("select id, occurred_at, actor, actor_name, roles, action, resource_type, resource_id, org_path, request_id,"
                + " summary::text as summary from audit_entry " + where + " order by occurred_at desc, id desc limit ? offset ?", row -> {
                    java.sql.Array roles = row.getArray("roles");
                    return new AuditEntry(Db.uuid(row, "id"), Times.local(Db.instant(row, "occurred_at")), row.getString("actor"),
                            row.getString("actor_name"), roles == null ? List.of() : List.of((String[]) roles.getArray()),
                            row.getString("action"), row.getString("resource_type"), row.getString("resource_id"), row.getString("org_path"),
                            row.getString("request_id"), parse(row.getString("summary")));
                }, args.toArray());
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) from audit_entry " + where(filter, args), args.toArray());
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder sql = new StringBuilder("where ").append(f.scope().sql("org_path", args));
        if (f.within() != null) {
            sql.append(" and org_path >= ? and org_path < ?");
            args.add(f.within());
            args.add(f.within() + "~");
        }
        equal(sql, args, "actor", f.actor());
        equal(sql, args, "resource_type", f.resourceType());
        equal(sql, args, "resource_id", f.resourceId());
        if (f.from() != null) {
            sql.append(" and occurred_at >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            sql.append(" and occurred_at < ?");
            args.add(f.to());
        }
        return sql.append(' ').toString();
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value.trim());
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
