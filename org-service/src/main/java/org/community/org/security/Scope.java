package org.community.org.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.community.org.tree.Paths;

/**
 * The org units a caller acts in: the union of the subtrees of the token's {@code org_units}, as their materialized
 * paths. Everything for CITY_ADMIN. A list filters with {@link #where(String)}: one btree range per scope unit, so
 * an indexed path query stays an index range scan.
 */
public final class Scope {

    public static final Scope EVERYTHING = new Scope(true, List.of());

    private final boolean everything;
    private final List<String> paths;

    private Scope(boolean everything, List<String> paths) {
        this.everything = everything;
        this.paths = paths;
    }

    /** The subtrees of these paths; a path inside another one adds nothing and is dropped. */
    public static Scope of(List<String> paths) {
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(Comparator.naturalOrder());
        List<String> roots = new ArrayList<>();
        for (String path : sorted) {
            if (roots.isEmpty() || !path.startsWith(roots.get(roots.size() - 1))) {
                roots.add(path);
            }
        }
        return new Scope(false, List.copyOf(roots));
    }

    public boolean everything() {
        return everything;
    }

    /** The top paths of the scope (empty for everything or nothing). */
    public List<String> paths() {
        return paths;
    }

    /** Whether a unit with this path (or a record carrying it) lies inside the scope. */
    public boolean contains(String path) {
        if (everything) {
            return true;
        }
        if (path == null) {
            return false;
        }
        return paths.stream().anyMatch(path::startsWith);
    }

    /** Inside the scope and not one of its top units: what may be moved or dissolved. */
    public boolean containsStrictly(String path) {
        if (everything) {
            return true;
        }
        return path != null && paths.stream().anyMatch(p -> path.startsWith(p) && !path.equals(p));
    }

    /** A SQL condition on a path column (C collation) with its arguments: true, false, or an OR of ranges. */
    public Condition where(String column) {
        if (everything) {
            return new Condition("true", List.of());
        }
        if (paths.isEmpty()) {
            return new Condition("false", List.of());
        }
        StringBuilder sql = new StringBuilder("(");
        List<Object> args = new ArrayList<>();
        for (String path : paths) {
            if (!args.isEmpty()) {
                sql.append(" or ");
            }
            sql.append('(').append(column).append(" >= ? and ").append(column).append(" < ?)");
            args.add(path);
            args.add(Paths.upperBound(path));
        }
        return new Condition(sql.append(')').toString(), List.copyOf(args));
    }

    /** A piece of a WHERE clause and the values of its placeholders, in order. */
    public record Condition(String sql, List<Object> args) {
    }
}
