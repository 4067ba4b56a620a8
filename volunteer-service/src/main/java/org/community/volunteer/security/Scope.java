package org.community.volunteer.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.community.volunteer.orgunit.OrgUnitRef;

/**
 * Where a caller acts: the union of the subtrees of its org units, as org paths ({@code /<root>/.../<unit>/}),
 * or everywhere (CITY_ADMIN). A path is inside when it starts with one of the scope's paths, which in SQL is the
 * btree range {@code [path, path + '~')} of the C-collated path column (see {@link org.community.volunteer.db.Conditions#visible}).
 */
public record Scope(boolean all, List<String> paths) {

    public static final Scope ALL = new Scope(true, List.of());
    public static final Scope NONE = new Scope(false, List.of());

    /** The subtrees of these paths, dropping a path that lies inside another one. */
    public static Scope of(List<String> paths) {
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(Comparator.naturalOrder());
        List<String> kept = new ArrayList<>();
        for (String path : sorted) {
            if (kept.isEmpty() || !path.startsWith(kept.get(kept.size() - 1))) {
                kept.add(path);
            }
        }
        return kept.isEmpty() ? NONE : new Scope(false, List.copyOf(kept));
    }

    public boolean contains(String path) {
        if (all) {
            return true;
        }
        if (path == null) {
            return false;
        }
        for (String p : paths) {
            if (path.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    public boolean contains(OrgUnitRef unit) {
        return unit != null && contains(unit.path());
    }

    public boolean isEmpty() {
        return !all && paths.isEmpty();
    }
}
