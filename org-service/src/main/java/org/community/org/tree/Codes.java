package org.community.org.tree;

/** What a unit code may contain. */
final class Codes {

    static final String PATTERN = "[A-Za-z0-9._\\-]+";

    private Codes() {
    }
}
