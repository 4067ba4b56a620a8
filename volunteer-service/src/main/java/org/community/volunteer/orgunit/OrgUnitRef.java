package org.community.volunteer.orgunit;

import java.util.UUID;

/**
 * What this service keeps of an org unit: its name and its path of ancestor ids. {@code communityPath} is
 * the path of the community the unit lies in (the unit's own when it is a community), used to keep
 * matching inside one community; null for units above community level.
 */
public record OrgUnitRef(UUID id, String name, String level, String path, String communityPath) {

    /** Upper bound of the subtree range: every descendant path sorts in [path, path + '~') in the C collation. */
    public static String upperBound(String path) {
        return path + "~";
    }
}
