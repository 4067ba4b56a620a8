package org.community.conventions.orgfeed;

import java.util.List;
import java.util.UUID;

/**
 * What a consuming service does with org-service's changes: its own copy of the org tree and the rows it keeps under a
 * path. A service consumes the feed by providing one bean implementing this (none in org-service or the gateway, so the
 * consumer stays inert there); {@link OrgFeedApplier} calls it inside the transaction that also moves the cursor.
 * <p>
 * The library knows the feed's protocol and event format, never a service's rows: it reads and upserts the unit table
 * named here, re-paths the tables listed here, and hands renames to the service.
 */
public interface OrgTreeCopy {

    /**
     * The table of this service's copy of the units, with the columns {@code id, name, level, <unitPathColumn>,
     * community_path, code, form, parent_id, dissolved, fetched_at}. It is re-pathed first: its row locks are what this
     * service's writes under a subtree wait for while the subtree moves.
     */
    String unitTable();

    /** The path column of {@link #unitTable()}. */
    String unitPathColumn();

    /** Every other table keeping a path (and perhaps a community path), re-pathed when a subtree moves. */
    List<PathedTable> pathedTables();

    /**
     * Re-pathing a table list cannot say, run after the {@link #pathedTables()} (e.g. roll-ups keyed by path that add up
     * when rows moving onto a path meet rows already there). {@code from} and {@code to} are local paths.
     */
    default void repathMore(String from, String to) {
    }

    /** Units whose name or level changed: refresh the copies this service keeps next to a unit's id. */
    void renamed(List<RenamedUnit> units);

    /** A table's path column, and its community path column or null; see {@link OrgFeedApplier} for how they move. */
    record PathedTable(String table, String pathColumn, String communityPathColumn) {

        public static PathedTable of(String table, String pathColumn) {
            return new PathedTable(table, pathColumn, null);
        }

        public static PathedTable withCommunity(String table, String pathColumn, String communityPathColumn) {
            return new PathedTable(table, pathColumn, communityPathColumn);
        }
    }

    /** A unit's name and level after a change, at its local path (where its copies are). */
    record RenamedUnit(UUID unitId, String name, String level, String path) {
    }
}
