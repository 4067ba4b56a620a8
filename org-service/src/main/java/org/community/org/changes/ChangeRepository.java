package org.community.org.changes;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** SQL of the feed and the snapshot. Each call runs on its own connection, returned to the pool at once. */
@ApplicationScoped
public class ChangeRepository {

    /** The feed's bounds: highest seq, lowest retained seq (0 when empty), highest purged seq (0 when none). */
    public record Bounds(long latest, long oldest, long purgedThrough) {
    }

    @Inject
    Db db;

    @Inject
    ObjectMapper json;

    public List<ChangeEvent> after(long after, int limit) {
        return db.list("select seq, type, unit_id, time, data::text from org_change where seq > ? order by seq limit ?", row -> {
            long seq = row.getLong("seq");
            return new ChangeEvent(ChangeEvent.SPEC_VERSION, Long.toString(seq), seq, ChangeEvent.SOURCE, row.getString("type"),
                    row.getString("unit_id"), Db.instant(row, "time"), data(row.getString("data")));
        }, after, limit);
    }

    public Bounds bounds() {
        return db.one("select (select coalesce(max(seq), 0) from org_change), (select coalesce(min(seq), 0) from org_change),"
                + " (select purged_through from org_change_purge where id = 1)",
                row -> new Bounds(row.getLong(1), row.getLong(2), row.getLong(3))).orElseThrow();
    }

    public long latest() {
        return db.count("select coalesce(max(seq), 0) from org_change");
    }

    /** Every unit, dissolved ones included, by id. */
    public List<SnapshotUnit> units(UUID afterId, int limit) {
        return db.list("select org_unit_feed_data(id, null)::text from org_unit where (?::uuid is null or id > ?) order by id limit ?",
                row -> SnapshotUnit.of(data(row.getString(1))), afterId, afterId, limit);
    }

    /**
     * Deletes the events written before {@code cutoff}, always keeping the newest (so that {@code latest} stays known),
     * and raises the purge mark in the same transaction. The number of events deleted.
     */
    public int purgeBefore(java.time.Instant cutoff) {
        long through = db.count("select coalesce(max(seq), 0) from org_change where time < ?"
                + " and seq < (select max(seq) from org_change)", cutoff);
        if (through == 0) {
            return 0;
        }
        int deleted = db.update("delete from org_change where seq <= ?", through);
        db.update("update org_change_purge set purged_through = greatest(purged_through, ?) where id = 1", through);
        return deleted;
    }

    private ChangeData data(String text) {
        try {
            return json.readValue(text, ChangeData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable change data: " + text, e);
        }
    }
}
