package org.community.consultation.orgfeed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.db.Db;
import org.community.consultation.orgfeed.FeedTypes.ChangeEvent;
import org.community.consultation.orgfeed.FeedTypes.UnitData;

/**
 * Applies org-service's changes to this service's tables: a batch of events, or a page of the full snapshot, in one
 * transaction each.
 * <p>
 * Every event is handled alike: the unit's row in {@code known_unit} is made to say what the event says, and
 * when its path (or the community its subtree belongs to) differs from the stored one, every row under the stored path
 * is re-pathed in every table that keeps a path. Comparing paths, not counting, makes an event applied twice change
 * nothing; the cursor row, locked first, additionally skips the events of a batch that were applied already (a replayed
 * batch, or another replica that got there first).
 */
@ApplicationScoped
public class OrgFeedApplier {

    /** The cursor: the last event applied, and whether a full snapshot has been read. */
    public record Cursor(long seq, boolean synced) {
    }

    /** Tables and their path column, community-path column (or null). The snapshot comes first: see {@link #repath}. */
    private static final List<String[]> PATHED = List.of(
            new String[] { "known_unit", "org_path", "community_path" },
            new String[] { "topic", "org_path", null },
            new String[] { "meeting", "org_path", null },
            new String[] { "ledger", "org_path", null },
            new String[] { "audit_entry", "org_path", null });

    /**
     * The copies of a unit's name (and level) next to its id: a topic's scope, a disclosure ledger's compound. Votes,
     * ballots, electors, resolutions, objections, tasks, evaluations and disclosure entries hang off a topic or a ledger
     * and keep no path of their own.
     */
    private static final List<String> NAMED = List.of(
            "update topic set scope_name = ?, scope_level = ? where org_path = ? and scope_unit_id = ?"
                    + " and (scope_name is distinct from ? or scope_level is distinct from ?)",
            "update ledger set compound_name = ? where org_path = ? and compound_id = ? and compound_name is distinct from ?");

    @Inject
    Db db;

    @Inject
    Clock clock;

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
        // the path triggers (V3) stand aside for the feed's own writes in this transaction
        db.one("select set_config('org_feed.applying', 'on', true)", row -> row.getString(1));
        return seq;
    }

    private record Stored(String path, String communityPath, String name, String level) {
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
            List<Object[]> topics = new ArrayList<>();
            List<Object[]> ledgers = new ArrayList<>();
            for (UnitData unit : renamed.values()) {
                String path = known.get(unit.unitId()).path();
                topics.add(new Object[] { unit.name(), unit.level(), path, unit.unitId(), unit.name(), unit.level() });
                ledgers.add(new Object[] { unit.name(), path, unit.unitId(), unit.name() });
            }
            db.batch(NAMED.get(0), topics);
            db.batch(NAMED.get(1), ledgers);
        }
    }

    private Map<UUID, Stored> load(UUID[] ids) {
        Map<UUID, Stored> known = new HashMap<>();
        db.list("select id, org_path, community_path, name, level from known_unit where id = any (?) order by id for update",
                row -> known.put(Db.uuid(row, "id"), new Stored(row.getString(2), row.getString(3), row.getString(4), row.getString(5))),
                (Object) ids);
        return known;
    }

    private void write(Map<UUID, Object[]> rows) {
        db.batch("insert into known_unit (id, name, level, org_path, community_path, code, form, parent_id, dissolved, fetched_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do update set name = excluded.name, level = excluded.level,"
                + " org_path = excluded.org_path, community_path = excluded.community_path, code = excluded.code, form = excluded.form,"
                + " parent_id = excluded.parent_id, dissolved = excluded.dissolved, fetched_at = excluded.fetched_at",
                new ArrayList<>(rows.values()));
        rows.clear();
    }

    /**
     * Every row under {@code from} now lies under {@code to}: {@code to || substr(path, length(from) + 1)}. A row's community
     * path follows the prefix when its community lies strictly inside the moved subtree, and is otherwise the community
     * the moved unit belongs to now ({@code community}, null above community level).
     * <p>
     * The snapshot's rows go first: their row locks are what writes inserting under the subtree wait for (the V3
     * trigger), so no row can be inserted with the old path once this statement has run.
     */
    private void repath(String from, String to, String community) {
        String upper = from + "~";
        int cut = from.length() + 1;
        for (String[] table : PATHED) {
            String name = table[0];
            String column = table[1];
            String communityColumn = table[2];
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
