package org.community.org.security;

import java.util.Set;

/**
 * What an operation needs of the caller's roles; the caller's scope is checked separately against the data.
 * The README's role × operation table is this enum spelled out.
 */
public enum Access {
    /** Org units' writes, members, posts, transfers, mobile-member outflows and returns, org life, imports, the audit log. */
    ADMIN(Roles.ADMINS),
    /** Reading households, members, posts, transfers, mobile members and org-life records inside the scope. */
    RECORDS(union(Roles.ADMINS, Roles.GRID_WORKER)),
    /** The field work of a grid worker: households, central households and their served links, mobile-member registrations. */
    FIELD_WORK(union(Roles.ADMINS, Roles.GRID_WORKER)),
    /** Roll-up statistics and the coverage reports of units inside the scope. */
    STATS(union(Roles.ADMINS, Roles.GRID_WORKER, Roles.TEAM_LEADER));

    public final Set<String> roles;

    Access(Set<String> roles) {
        this.roles = roles;
    }

    private static Set<String> union(Set<String> base, String... more) {
        java.util.Set<String> all = new java.util.HashSet<>(base);
        all.addAll(java.util.List.of(more));
        return Set.copyOf(all);
    }
}
