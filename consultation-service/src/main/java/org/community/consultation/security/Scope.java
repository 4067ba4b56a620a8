package org.community.consultation.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Where a caller acts: the union of the subtrees of its org units, or everywhere (CITY_ADMIN).
 * <p>
 * {@code units} are the token's unit ids; {@code paths} are the org paths ({@code /<root>/.../<unit>/}) of those
 * of them this service knows ({@code known_unit}). A record's path lies inside when it names one of the units as a
 * segment — which needs no lookup, so writes to a unit org-service has just checked are judged exactly. In SQL a
 * scope is the btree ranges {@code [path, path + '~')} of the C-collated {@code org_path} columns
 * ({@link #sql(String, List)}); a unit this service does not know has no record under it, so it adds no range.
 */
public record Scope(boolean all, List<UUID> units, List<String> paths) {

    public static final Scope ALL = new Scope(true, List.of(), List.of());
    public static final Scope NONE = new Scope(false, List.of(), List.of());

    /** The subtrees of these units; of the known paths, one inside another is dropped. */
    public static Scope of(List<UUID> units, List<String> knownPaths) {
        if (units.isEmpty()) {
            return NONE;
        }
        List<String> sorted = new ArrayList<>(knownPaths);
        sorted.sort(Comparator.naturalOrder());
        List<String> kept = new ArrayList<>();
        for (String path : sorted) {
            if (kept.isEmpty() || !path.startsWith(kept.get(kept.size() - 1))) {
                kept.add(path);
            }
        }
        return new Scope(false, List.copyOf(units), List.copyOf(kept));
    }

    /** Whether a record at {@code path} lies in one of the subtrees. */
    public boolean contains(String path) {
        if (all) {
            return true;
        }
        if (path == null) {
            return false;
        }
        for (UUID unit : units) {
            if (path.contains("/" + unit + "/")) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return !all && units.isEmpty();
    }

    /**
     * A SQL condition keeping rows whose {@code column} lies in the scope: {@code true} for everywhere, {@code false}
     * for nowhere, otherwise one btree range per known path, OR-ed. Adds its arguments to {@code args}.
     */
    public String sql(String column, List<Object> args) {
        if (all) {
            return "true";
        }
        if (paths.isEmpty()) {
            return "false";
        }
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < paths.size(); i++) {
            if (i > 0) {
                sql.append(" or ");
            }
            sql.append('(').append(column).append(" >= ? and ").append(column).append(" < ?)");
            args.add(paths.get(i));
            args.add(paths.get(i) + "~");
        }
        return sql.append(')').toString();
    }

    /**
     * {@link #sql} for Panache queries: the same ranges on a C-collated path attribute, with ordinal parameters
     * ({@code ?n}) numbered after those already in {@code params}, to which it adds its own.
     */
    public String hql(String attribute, List<Object> params) {
        if (all) {
            return "1 = 1";
        }
        if (paths.isEmpty()) {
            return "1 = 0";
        }
        StringBuilder hql = new StringBuilder("(");
        for (int i = 0; i < paths.size(); i++) {
            if (i > 0) {
                hql.append(" or ");
            }
            params.add(paths.get(i));
            hql.append('(').append(attribute).append(" >= ?").append(params.size());
            params.add(paths.get(i) + "~");
            hql.append(" and ").append(attribute).append(" < ?").append(params.size()).append(')');
        }
        return hql.append(')').toString();
    }
}
