package org.community.org.stats;

/** One roll-up counter: a column of {@code unit_rollup}. */
public enum Metric {
    DISTRICTS, STREETS, COMMUNITIES, GRIDS, COMPOUNDS, BUILDINGS,
    COMMITTEES, GENERAL_BRANCHES, BRANCHES, PARTY_GROUPS,
    UNCOVERED_BUILDINGS, LEADERLESS_UNITS,
    HOUSEHOLDS, RESIDENTS, CENTRAL_HOUSEHOLDS, SERVED_HOUSEHOLDS,
    MEMBERS_APPLICANT, MEMBERS_ACTIVIST, MEMBERS_DEVELOPMENT_TARGET, MEMBERS_PROBATIONARY, MEMBERS_FULL, MOBILE_MEMBERS;

    /** The counter of units at this level; none for CITY, which is never below another unit. */
    public static Metric ofLevel(org.community.org.tree.Level level) {
        return switch (level) {
            case CITY -> null;
            case DISTRICT -> DISTRICTS;
            case STREET -> STREETS;
            case COMMUNITY -> COMMUNITIES;
            case GRID -> GRIDS;
            case COMPOUND -> COMPOUNDS;
            case BUILDING -> BUILDINGS;
        };
    }

    public String column() {
        return name().toLowerCase();
    }
}
