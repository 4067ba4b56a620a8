package org.community.gateway.auth;

/** Names of the claims the suite relies on (see README, "Token contract"). */
public final class TokenClaims {

    /** Array of org-service unit ids: the caller may act inside the subtrees of these units. */
    public static final String ORG_UNITS = "org_units";
    public static final String GROUPS = "groups";
    public static final String NAME = "name";
    public static final String PREFERRED_USERNAME = "preferred_username";

    private TokenClaims() {
    }
}
