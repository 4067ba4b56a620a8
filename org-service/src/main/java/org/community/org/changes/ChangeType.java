package org.community.org.changes;

/** The kinds of event of the change feed, with their CloudEvents {@code type}. */
public enum ChangeType {
    CREATED("org-unit.created"),
    RENAMED("org-unit.renamed"),
    MOVED("org-unit.moved"),
    DISSOLVED("org-unit.dissolved"),
    /** Form, level, code or any other attribute. */
    CHANGED("org-unit.changed"),
    /** The unit's leading post (SECRETARY, GROUP_LEADER for a group) was filled or vacated. */
    SECRETARY_CHANGED("org-unit.secretary-changed");

    public final String type;

    ChangeType(String type) {
        this.type = type;
    }
}
