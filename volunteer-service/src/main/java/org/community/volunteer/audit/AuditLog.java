package org.community.volunteer.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.community.volunteer.db.Conditions;
import org.community.conventions.db.Db;
import org.community.conventions.db.Ids;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.volunteer.security.Caller;
import org.community.volunteer.security.Scope;
import org.jboss.logging.MDC;

/**
 * The audit log: one entry per change, written by the service method in the transaction of the change itself
 * (a failed change leaves no entry; no change without one). Summaries name changed fields and new states, never
 * full ID numbers or phones.
 */
@ApplicationScoped
public class AuditLog {

    public record Filter(Scope scope, String within, String actor, String resourceType, String resourceId, Instant from, Instant to) {
    }

    @Inject
    Db db;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    /** One entry of a bulk change: the resource, the affected unit's path and what changed. */
    public record Entry(Object resourceId, String orgPath, Map<String, ?> summary) {
    }

    private static final String INSERT = "insert into audit_entry (id, occurred_at, actor, actor_name, roles, action, resource_type,"
            + " resource_id, org_unit_id, request_id, summary) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)";

    /** Records that the caller did {@code action} (e.g. {@code volunteer.verify}) to a resource at {@code orgPath}. */
    public void record(String action, String resourceType, Object resourceId, String orgPath, Map<String, ?> summary) {
        db.update(INSERT, row(action, resourceType, new Entry(resourceId, orgPath, summary), Instant.now()));
    }

    /** One entry per resource of a bulk change, all written as one JDBC batch (same time, actor and request id). */
    public void recordAll(String action, String resourceType, List<Entry> entries) {
        Instant now = Instant.now();
        db.batch(INSERT, entries.stream().map(entry -> row(action, resourceType, entry, now)).toList());
    }

    private Object[] row(String action, String resourceType, Entry entry, Instant now) {
        String text;
        try {
            text = json.writeValueAsString(entry.summary() == null ? Map.of() : entry.summary());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Object requestId = MDC.get("requestId");
        return new Object[] { Ids.newId(), now, caller.subject(), caller.displayName(), caller.roles().stream().sorted().toArray(String[]::new),
                action, resourceType, String.valueOf(entry.resourceId()), unitOf(entry.orgPath()), requestId == null ? null : requestId.toString(),
                text };
    }

    /**
     * The unit a path ends in, which is what an entry keeps (V5): a move changes the unit's path, never its id, so the
     * entries under a moved subtree stay as they are. Null for a record that belongs to no unit.
     */
    static UUID unitOf(String orgPath) {
        if (orgPath == null || orgPath.length() < 2) {
            return null;
        }
        String trimmed = orgPath.substring(0, orgPath.length() - 1);
        return uuid(trimmed.substring(trimmed.lastIndexOf('/') + 1)).orElse(null);
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
        return db.list(searchSql(filter, page, args), row -> {
                    java.sql.Array roles = row.getArray("roles");
                    return new AuditEntry(Db.uuid(row, "id"), Times.local(Db.instant(row, "occurred_at")), row.getString("actor"),
                            row.getString("actor_name"), roles == null ? List.of() : List.of((String[]) roles.getArray()),
                            row.getString("action"), row.getString("resource_type"), row.getString("resource_id"),
                            row.getString("request_id"), parse(row.getString("summary")));
                }, args.toArray());
    }

    /** The page's SQL, its arguments added to {@code args} (QueryPlanTest checks its plan). */
    public static String searchSql(Filter filter, PageRequest page, List<Object> args) {
        String where = where(filter, args);
        args.add(page.size);
        args.add(page.offset());
        return "select id, occurred_at, actor, actor_name, roles, action, resource_type, resource_id, request_id, summary::text"
                + " as summary from audit_entry " + where + " order by occurred_at desc, id desc limit ? offset ?";
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) from audit_entry " + where(filter, args), args.toArray());
    }

    private static String where(Filter filter, List<Object> args) {
        // an entry's path is its unit's, in the snapshot: the units of the scope (and of `within`) are a path range there
        Conditions conditions = new Conditions(args).visibleThrough("org_unit_id", "org_unit_snapshot", "path", filter.scope(), null, null);
        if (filter.within() != null) {
            conditions.visibleThrough("org_unit_id", "org_unit_snapshot", "path", Scope.of(List.of(filter.within())), null, null);
        }
        return conditions.equal("actor", filter.actor()).equal("resource_type", filter.resourceType())
                .equal("resource_id", filter.resourceId()).when("occurred_at >= ?", filter.from()).when("occurred_at < ?", filter.to())
                .sql();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
