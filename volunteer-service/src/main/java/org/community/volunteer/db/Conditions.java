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

    public String sql() {
        return sql.toString();
    }
}
