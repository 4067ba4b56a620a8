package org.community.conventions.orgfeed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.db.Db;
import org.community.conventions.orgfeed.FeedTypes.ChangeEvent;
import org.community.conventions.orgfeed.FeedTypes.UnitData;
import org.community.conventions.orgfeed.OrgTreeCopy.PathedTable;
import org.community.conventions.orgfeed.OrgTreeCopy.RenamedUnit;

/**
 * Applies org-service's changes to this service's tables (named by its {@link OrgTreeCopy}): a batch of events, or a page
 * of the full snapshot, in one transaction each, the cursor ({@code org_feed_cursor}, a row of the service's own database)
 * moved in the same transaction.
 * <p>
 * Every event is handled alike: the unit's row in the service's unit table is made to say what the event says, and when
 * its path (or the community its subtree belongs to) differs from the stored one, every row under the stored path is
 * re-pathed in every table that keeps a path. Comparing paths, not counting, makes an event applied twice change
 * nothing; the cursor row, locked first, additionally skips the events of a batch that were applied already (a replayed
 * batch, or another replica that got there first).
 */
@ApplicationScoped
public class OrgFeedApplier {

    /** The cursor: the last event applied, and whether a full snapshot has been read. */
    public record Cursor(long seq, boolean synced) {
    }

    @Inject
    Db db;

    @Inject
    Clock clock;

    @Inject
    Instance<OrgTreeCopy> copies;

    public Cursor cursor() {
        return db.one("select seq, synced from org_feed_cursor where id = 1", row -> new Cursor(row.getLong(1), row.getBoolean(2)))
                .orElseThrow();
    }

    /** The events after the cursor, in order, and the cursor moved to the last of them; answers the new cursor. */
    @Transactional
    public long apply(List<ChangeEvent> events) {
        long cursor = lockCursor();
        List<UnitData> fresh = new ArrayList<>();
        long last = cursor;
        for (ChangeEvent event : events) {
            if (event.seq() > last) {
                fresh.add(event.data());
                last = event.seq();
            }
        }
        if (last > cursor) {
            applyUnits(fresh);
            db.update("update org_feed_cursor set seq = ?, updated_at = ? where id = 1", last, clock.instant());
        }
        return last;
    }

    /** One page of org-service's snapshot; the cursor stays until {@link #finishResync}. */
    @Transactional
    public void applySnapshot(List<UnitData> units) {
        lockCursor();
        applyUnits(units);
    }

    /** All pages read: follow the feed from {@code asOf}, the feed's latest event when the first page was served. */
    @Transactional
    public void finishResync(long asOf) {
        lockCursor();
        db.update("update org_feed_cursor set seq = ?, synced = true, updated_at = ? where id = 1", asOf, clock.instant());
    }

    /** The cursor is older than the feed retains: read the full snapshot before following the feed again. */
    @Transactional
    public void requireResync() {
        db.update("update org_feed_cursor set synced = false, updated_at = ? where id = 1", clock.instant());
    }

    private long lockCursor() {
        long seq = db.one("select seq from org_feed_cursor where id = 1 for update", row -> row.getLong(1)).orElseThrow();
        // the services' path triggers stand aside for the feed's own writes in this transaction
        db.one("select set_config('org_feed.applying', 'on', true)", row -> row.getString(1));
        return seq;
    }

    private record Stored(String path, String communityPath, String name, String level) {
    }

    private OrgTreeCopy copy() {
        return copies.get();
    }

    /**
     * The units' states in order. Set-wise, so that catching up is fast: the stored rows are read (and locked) at once, the
     * snapshot rows written in one JDBC batch and the copied names in one per table; only a unit whose path or community
     * changed costs statements of its own (the re-pathing, after the rows written so far have been flushed).
     */
    void applyUnits(List<UnitData> units) {
        if (units.isEmpty()) {
            return;
        }
        UUID[] ids = units.stream().map(UnitData::unitId).distinct().toArray(UUID[]::new);
        Map<UUID, Stored> known = load(ids);
        Map<UUID, Object[]> rows = new LinkedHashMap<>();
        Map<UUID, UnitData> renamed = new LinkedHashMap<>();
        for (UnitData unit : units) {
            String path = localPath(unit);
            String community = localCommunityPath(unit, path);
            Stored stored = known.get(unit.unitId());
            if (stored != null && (!stored.path().equals(path) || !Objects.equals(stored.communityPath(), community))) {
                write(rows);
                repath(stored.path(), path, community);
                known = load(ids);
            }
            if (stored != null && (!Objects.equals(stored.name(), unit.name()) || !Objects.equals(stored.level(), unit.level()))) {
                renamed.put(unit.unitId(), unit);
            }
            rows.put(unit.unitId(), new Object[] { unit.unitId(), unit.name(), unit.level(), path, community, unit.code(), unit.form(),
                    unit.parentId(), unit.dissolved(), clock.instant() });
            known.put(unit.unitId(), new Stored(path, community, unit.name(), unit.level()));
        }
        write(rows);
        if (!renamed.isEmpty()) {
            List<RenamedUnit> changed = new ArrayList<>();
            for (UnitData unit : renamed.values()) {
                changed.add(new RenamedUnit(unit.unitId(), unit.name(), unit.level(), known.get(unit.unitId()).path()));
            }
            copy().renamed(changed);
        }
    }

    private Map<UUID, Stored> load(UUID[] ids) {
        Map<UUID, Stored> known = new HashMap<>();
        OrgTreeCopy copy = copy();
        db.list("select id, " + copy.unitPathColumn() + ", community_path, name, level from " + copy.unitTable()
                + " where id = any (?) order by id for update",
                row -> known.put(Db.uuid(row, "id"), new Stored(row.getString(2), row.getString(3), row.getString(4), row.getString(5))),
                (Object) ids);
        return known;
    }

    private void write(Map<UUID, Object[]> rows) {
        OrgTreeCopy copy = copy();
        String path = copy.unitPathColumn();
        db.batch("insert into " + copy.unitTable() + " (id, name, level, " + path + ", community_path, code, form, parent_id, dissolved,"
                + " fetched_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do update set name = excluded.name, level = excluded.level, "
                + path + " = excluded." + path + ", community_path = excluded.community_path, code = excluded.code, form = excluded.form,"
                + " parent_id = excluded.parent_id, dissolved = excluded.dissolved, fetched_at = excluded.fetched_at",
                new ArrayList<>(rows.values()));
        rows.clear();
    }

    /**
     * Every row under {@code from} now lies under {@code to}: {@code to || substr(path, length(from) + 1)}. A row's community
     * path follows the prefix when its community lies strictly inside the moved subtree, and is otherwise the community
     * the moved unit belongs to now ({@code community}, null above community level).
     * <p>
     * The unit table's rows go first: their row locks are what writes inserting under the subtree wait for (the services'
     * path triggers), so no row can be inserted with the old path once this statement has run.
     */
    private void repath(String from, String to, String community) {
        String upper = from + "~";
        int cut = from.length() + 1;
        OrgTreeCopy copy = copy();
        List<PathedTable> tables = new ArrayList<>();
        tables.add(PathedTable.withCommunity(copy.unitTable(), copy.unitPathColumn(), "community_path"));
        tables.addAll(copy.pathedTables());
        for (PathedTable table : tables) {
            String name = table.table();
            String column = table.pathColumn();
            String communityColumn = table.communityPathColumn();
            if (communityColumn == null) {
                db.update("update " + name + " set " + column + " = ? || substr(" + column + ", ?) where " + column + " >= ? and "
                        + column + " < ?", to, cut, from, upper);
            } else {
                db.update("update " + name + " set " + column + " = ? || substr(" + column + ", ?), " + communityColumn + " = case when "
                        + communityColumn + " is not null and starts_with(" + communityColumn + ", ?) and length(" + communityColumn
                        + ") > ? then ? || substr(" + communityColumn + ", ?) else ? end where " + column + " >= ? and " + column + " < ?",
                        to, cut, from, from.length(), to, cut, community, from, upper);
            }
        }
        copy.repathMore(from, to);
    }

    /** This service's path of the unit: the ids of its ancestors and its own, {@code /<root>/.../<unit>/}. */
    static String localPath(UnitData unit) {
        StringBuilder path = new StringBuilder("/");
        if (unit.ancestorIds() != null) {
            for (UUID ancestor : unit.ancestorIds()) {
                path.append(ancestor).append('/');
            }
        }
        return path.append(unit.unitId()).append('/').toString();
    }

    /** The enclosing community's path in this service's form: the prefix of {@code path} as deep as the event's communityPath. */
    static String localCommunityPath(UnitData unit, String path) {
        if (unit.communityPath() == null) {
            return null;
        }
        int depth = segments(unit.communityPath());
        int end = 0;
        for (int i = 0; i <= depth; i++) {
            end = path.indexOf('/', end) + 1;
        }
        return end == 0 ? path : path.substring(0, end);
    }

    private static int segments(String path) {
        int count = 0;
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                count++;
            }
        }
        return count;
    }
}
