package org.community.org.security;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.tree.Paths;

/** Reads the audit log: newest first, inside a subtree or a scope, by the optional filters of the audit endpoint. */
@ApplicationScoped
public class AuditLog {

    @Inject
    Db db;

    @Inject
    ObjectMapper json;

    /**
     * The filters; null does not filter. {@code subtreePath} (one range) or else {@code scope} (one range per scope
     * unit) on {@code org_path}: the index (org_path, occurred_at) answers either.
     */
    public record Filter(String subtreePath, Scope scope, String actor, String resourceType, String resourceId, OffsetDateTime from,
            OffsetDateTime to) {
    }

    public List<AuditEntry> list(Filter filter, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list("select * from audit_entry " + where + " order by occurred_at desc, id limit ? offset ?",
                row -> AuditEntry.map(row, json), args.toArray());
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) from audit_entry " + where(filter, args), args.toArray());
    }

    private static String where(Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder("where true");
        if (filter.subtreePath() != null) {
            and(where, args, "org_path >= ?", filter.subtreePath());
            and(where, args, "org_path < ?", Paths.upperBound(filter.subtreePath()));
        } else {
            Scope.Condition scope = filter.scope().where("org_path");
            where.append(" and ").append(scope.sql());
            args.addAll(scope.args());
        }
        and(where, args, "actor = ?", filter.actor());
        and(where, args, "resource_type = ?", filter.resourceType());
        and(where, args, "resource_id = ?", filter.resourceId());
        and(where, args, "occurred_at >= ?", filter.from());
        and(where, args, "occurred_at < ?", filter.to());
        return where.toString();
    }

    private static void and(StringBuilder where, List<Object> args, String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            args.add(value);
        }
    }
}
