package org.community.org.persistence;

import java.util.ArrayList;
import java.util.List;

import org.community.org.security.Scope;

/**
 * A Panache (HQL) condition built from optional filters: each piece is written with {@code ?} placeholders and
 * numbered here ({@code ?1}, {@code ?2}, …) in the order the pieces are added, so the arguments line up.
 */
public final class Where {

    private final StringBuilder hql = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    public Where and(String condition, Object... values) {
        if (!hql.isEmpty()) {
            hql.append(" and ");
        }
        int used = 0;
        for (char c : condition.toCharArray()) {
            hql.append(c);
            if (c == '?') {
                args.add(values[used++]);
                hql.append(args.size());
            }
        }
        if (used != values.length) {
            throw new IllegalArgumentException(values.length + " values for " + used + " placeholders in " + condition);
        }
        return this;
    }

    /**
     * A scope condition on a path attribute: the caller's subtrees as one range per scope unit (the attribute and the
     * column share the name), {@code 1 = 1} for everything and {@code 1 = 0} for nothing.
     */
    public Where and(Scope.Condition scope) {
        return switch (scope.sql()) {
            case "true" -> and("1 = 1");
            case "false" -> and("1 = 0");
            default -> and(scope.sql(), scope.args().toArray());
        };
    }

    public String hql() {
        return hql.isEmpty() ? "1 = 1" : hql.toString();
    }

    public Object[] args() {
        return args.toArray();
    }
}
