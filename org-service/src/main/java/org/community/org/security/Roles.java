package org.community.org.security;

import java.util.Set;

/** The roles of the suite, as the token's {@code groups} carry them (gateway/README.md, "Token contract"). */
public final class Roles {

    public static final String CITY_ADMIN = "CITY_ADMIN";
    public static final String DISTRICT_ADMIN = "DISTRICT_ADMIN";
    public static final String STREET_ADMIN = "STREET_ADMIN";
    public static final String COMMUNITY_SECRETARY = "COMMUNITY_SECRETARY";
    public static final String GRID_WORKER = "GRID_WORKER";
    public static final String TEAM_LEADER = "TEAM_LEADER";
    public static final String VOLUNTEER = "VOLUNTEER";
    public static final String RESIDENT = "RESIDENT";
    /** Service accounts of the other services (client-credentials tokens): they read the change feed, nothing else. */
    public static final String SERVICE = "SERVICE";

    /** Read and write everything of this service inside their scope. */
    public static final Set<String> ADMINS = Set.of(CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, COMMUNITY_SECRETARY);

    private Roles() {
    }
}
