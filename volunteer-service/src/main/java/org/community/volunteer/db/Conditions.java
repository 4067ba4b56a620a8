package org.community.volunteer.db;

import java.util.List;

import org.community.volunteer.orgunit.OrgUnitRef;

/**
 * A WHERE clause from optional filters: each condition is added, with its argument, only when the filter
 * has a value, so the SQL and its arguments never drift apart.
 */
public final class Conditions {

    private final StringBuilder sql = new StringBuilder("where true");
    private final List<Object> args;

    public Conditions(List<Object> args) {
        this.args = args;
    }

    /** {@code column = ?} when {@code value} is present. */
    public Conditions equal(String column, Object value) {
        return when(column + " = ?", value);
    }

    /** Any condition with one parameter, when {@code value} is present. */
    public Conditions when(String condition, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            args.add(value);
        }
        return this;
    }

    /** The subtree of {@code unit}, when present: the btree range {@code [path, path + '~')} of {@code column}. */
    public Conditions within(String column, OrgUnitRef unit) {
        if (unit != null) {
            sql.append(" and ").append(column).append(" >= ? and ").append(column).append(" < ?");
            args.add(unit.path());
            args.add(OrgUnitRef.upperBound(unit.path()));
        }
        return this;
    }

    /**
     * What the caller may see: rows whose {@code column} lies in one of the scope's subtrees (each a btree range,
     * so the path indexes still serve the query), or — when {@code owner} is present — rows matching
     * {@code ownerCondition} (the caller's own records). Nothing at all when neither applies; no condition for
     * an unrestricted scope.
     */
    public Conditions visible(String column, org.community.volunteer.security.Scope scope, String ownerCondition, Object owner) {
        if (scope.all()) {
            return this;
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String path : scope.paths()) {
            parts.add(column + " >= ? and " + column + " < ?");
            args.add(path);
            args.add(OrgUnitRef.upperBound(path));
        }
        if (owner != null) {
            parts.add(ownerCondition);
            args.add(owner);
        }
        sql.append(parts.isEmpty() ? " and false" : parts.size() == 1 ? " and " + parts.get(0) : " and (" + String.join(" or ", parts) + ")");
        return this;
    }

    /**
     * {@link #visible} for rows that take their path from another table's row ({@code service_record} from its
     * {@code activity}): rows whose {@code idColumn} is one of the ids of {@code table} whose {@code pathColumn} lies in the
     * scope, or rows matching {@code ownerCondition}. The ids are an array computed once ({@code = any (array(...))}), so
     * that "in scope or my own" stays one bitmap OR of two indexes; {@code in (subquery) or ...} would read the whole table.
     */
    public Conditions visibleThrough(String idColumn, String table, String pathColumn, org.community.volunteer.security.Scope scope,
            String ownerCondition, Object owner) {
        if (scope.all()) {
            return this;
        }
        List<String> parts = new java.util.ArrayList<>();
        if (!scope.paths().isEmpty()) {
            List<String> ranges = new java.util.ArrayList<>();
            for (String path : scope.paths()) {
                ranges.add("(" + pathColumn + " >= ? and " + pathColumn + " < ?)");
                args.add(path);
                args.add(OrgUnitRef.upperBound(path));
            }
            parts.add(idColumn + " = any (array(select id from " + table + " where " + String.join(" or ", ranges) + "))");
        }
        if (owner != null) {
            parts.add(ownerCondition);
            args.add(owner);
        }
        sql.append(parts.isEmpty() ? " and false" : parts.size() == 1 ? " and " + parts.get(0) : " and (" + String.join(" or ", parts) + ")");
        return this;
    }

    /** {@link #visible} without own records. */
    public Conditions visible(String column, org.community.volunteer.security.Scope scope) {
        return visible(column, scope, null, null);
    }

    public String sql() {
        return sql.toString();
    }
}
