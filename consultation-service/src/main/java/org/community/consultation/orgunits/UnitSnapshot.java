package org.community.consultation.orgunits;

import java.util.UUID;

/** What this service keeps of an org unit: id, name, level and the ancestor path '/root/.../id/'. */
public record UnitSnapshot(UUID id, String name, String level, String orgPath) {

    /** The lower and upper bound of the btree range that holds everything under a path (C collation). */
    public static String[] range(String orgPath) {
        return new String[] { orgPath, orgPath + "~" };
    }
}
