package org.community.volunteer.db;

import java.util.ArrayList;
import java.util.List;

import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.security.Scope;

/**
 * {@link Conditions} for Panache queries: a HQL WHERE clause from optional filters, with ordinal parameters
 * ({@code ?1}, {@code ?2}, …). Subtrees are btree ranges of the C-collated path attributes, as in SQL, so the path
 * indexes still serve the query.
 */
public final class Where {

    private final StringBuilder hql = new StringBuilder("1 = 1");
    private final List<Object> params = new ArrayList<>();

    /** {@code attribute = ?n} when {@code value} is present. */
    public Where equal(String attribute, Object value) {
        return when(attribute + " = ?", value);
    }

    /** Any condition with one parameter written {@code ?}, when {@code value} is present. */
    public Where when(String condition, Object value) {
        if (value != null) {
            hql.append(" and ").append(condition.replace("?", param(value)));
        }
        return this;
    }

    /** The subtree of {@code unit}, when present. */
    public Where within(String attribute, OrgUnitRef unit) {
        if (unit != null) {
            hql.append(" and ").append(range(attribute, unit.path()));
        }
        return this;
    }

    /** Rows inside the scope's subtrees, or matching {@code ownerCondition} when {@code owner} is present; see {@link Conditions#visible}. */
    public Where visible(String attribute, Scope scope, String ownerCondition, Object owner) {
        if (scope.all()) {
            return this;
        }
        List<String> parts = new ArrayList<>();
        for (String path : scope.paths()) {
            parts.add(range(attribute, path));
        }
        if (owner != null) {
            parts.add(ownerCondition.replace("?", param(owner)));
        }
        hql.append(parts.isEmpty() ? " and 1 = 0" : parts.size() == 1 ? " and " + parts.get(0) : " and (" + String.join(" or ", parts) + ")");
        return this;
    }

    public Where visible(String attribute, Scope scope) {
        return visible(attribute, scope, null, null);
    }

    public String hql() {
        return hql.toString();
    }

    public Object[] params() {
        return params.toArray();
    }

    private String range(String attribute, String path) {
        return "(" + attribute + " >= " + param(path) + " and " + attribute + " < " + param(OrgUnitRef.upperBound(path)) + ")";
    }

    private String param(Object value) {
        params.add(value);
        return "?" + params.size();
    }
}
