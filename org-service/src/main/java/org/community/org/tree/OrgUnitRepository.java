package org.community.org.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.persistence.Constraints;
import org.community.org.persistence.Locks;

/**
 * The tree. A unit that changes is an entity (locked, edited, written by Hibernate); reads stay one SQL statement each,
 * answering detached snapshots: they are the hot paths of nearly every request (a unit, its subtree page, its ancestors,
 * the coverage gaps: path ranges, see {@link Paths}) and the city benchmark's, where a persistence context per read only
 * adds cost. The subtree rewrite of a move is deliberate SQL too: one statement per table over the whole range.
 */
@ApplicationScoped
public class OrgUnitRepository implements PanacheRepositoryBase<OrgUnit, UUID> {

    private static final String SELECT = "select " + OrgUnit.COLUMNS + " from org_unit ";

    @Inject
    Db db;

    public Optional<OrgUnit> find(UUID id) {
        return db.one(SELECT + "where id = ?", OrgUnit::map, id);
    }

    public Optional<OrgUnit> findByCode(String code) {
        return db.one(SELECT + "where code = ?", OrgUnit::map, code);
    }

    /** Reads and row-locks a unit that is about to change: the entity. */
    public Optional<OrgUnit> lockForUpdate(UUID id) {
        return Locks.forUpdate(getEntityManager(), OrgUnit.class, id);
    }

    /**
     * Reads a unit that something is being attached to and holds it against a concurrent move, which
     * rewrites paths: the attachment then sees the path as it is after the move.
     */
    public Optional<OrgUnit> lockAgainstMove(UUID id) {
        return db.one(SELECT + "where id = ? for share", OrgUnit::map, id);
    }

    public long nextKey() {
        return db.count("select nextval('org_unit_key_seq')");
    }

    /** Whether a unit other than {@code except} (null: any) has this code. Check before changing a unit's code. */
    public boolean codeTaken(String code, UUID except) {
        return except == null ? db.count("select count(*) from org_unit where code = ?", code) > 0
                : db.count("select count(*) from org_unit where code = ? and id <> ?", code, except) > 0;
    }

    /** Writes a new unit now unless its code is taken; false when it is (also when another writer took it meanwhile). */
    public boolean insert(OrgUnit unit) {
        if (codeTaken(unit.code(), null)) {
            return false;
        }
        persist(unit);
        return Constraints.flushed(this::flush, "org_unit_code_key");
    }

    /**
     * Writes an edited unit now; false when its new code was taken meanwhile. Every edit is a new version, as the ETag
     * promises, also one that changed only the leader snapshot (outside the version) or nothing: that one is forced.
     */
    public boolean update(OrgUnit unit, boolean forceNewVersion) {
        if (forceNewVersion) {
            // PESSIMISTIC_FORCE_INCREMENT writes the version at once, so the answer's ETag is the new one (OPTIMISTIC_ would
            // write it at commit). Before the flush: once the flush has written the row, Hibernate holds it as WRITE, which
            // ranks as high, takes the lock as held and skips the increment.
            getEntityManager().lock(unit, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
        return Constraints.flushed(this::flush, "org_unit_code_key");
    }

    public List<OrgUnit> children(UUID parentId, UnitStatus status, PageRequest page) {
        return db.list(SELECT + "where parent_id = ? and (?::text is null or status = ?) order by code, id limit ? offset ?",
                OrgUnit::map, parentId, status, status, page.size, page.offset());
    }

    public long countChildren(UUID parentId, UnitStatus status) {
        return db.count("select count(*) from org_unit where parent_id = ? and (?::text is null or status = ?)", parentId, status,
                status);
    }

    /** Active children of each of these units. */
    public Map<UUID, Long> activeChildCounts(List<UUID> parentIds) {
        if (parentIds.isEmpty()) {
            return Map.of();
        }
        return db.list("select parent_id, count(*) from org_unit where parent_id = any(?) and status = 'ACTIVE' group by parent_id",
                row -> Map.entry(Db.uuid(row, "parent_id"), row.getLong(2)), (Object) parentIds.toArray(UUID[]::new))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A filter on the descendants of a unit; null fields do not filter. */
    public record SubtreeFilter(Integer maxDepth, Set<Level> levels, UnitStatus status, String nameContains, String code) {
    }

    public List<OrgUnit> descendants(OrgUnit root, SubtreeFilter filter, PageRequest page) {
        Query query = descendantQuery(root, filter);
        query.args.add(page.size);
        query.args.add(page.offset());
        return db.list(SELECT + query.where + " order by path limit ? offset ?", OrgUnit::map, query.args.toArray());
    }

    public long countDescendants(OrgUnit root, SubtreeFilter filter) {
        Query query = descendantQuery(root, filter);
        return db.count("select count(*) from org_unit " + query.where, query.args.toArray());
    }

    /** Every unit, or those under one, matching a filter: the list endpoint. */
    public List<OrgUnit> search(OrgUnit within, SubtreeFilter filter, PageRequest page) {
        Query query = within == null ? plainQuery(filter) : descendantQuery(within, filter);
        query.args.add(page.size);
        query.args.add(page.offset());
        return db.list(SELECT + query.where + " order by path limit ? offset ?", OrgUnit::map, query.args.toArray());
    }

    public long countSearch(OrgUnit within, SubtreeFilter filter) {
        Query query = within == null ? plainQuery(filter) : descendantQuery(within, filter);
        return db.count("select count(*) from org_unit " + query.where, query.args.toArray());
    }

    public List<OrgUnit> ancestors(OrgUnit unit) {
        return db.list(SELECT + "where key = any(?) order by depth", OrgUnit::map, (Object) Paths.ancestorKeys(unit.path()));
    }

    public boolean hasActiveChildren(UUID id) {
        return db.count("select count(*) from (select 1 from org_unit where parent_id = ? and status = 'ACTIVE' limit 1) x", id) > 0;
    }

    /** Active buildings under a unit with no party organization: "a resident finds the party without leaving the building". */
    public List<OrgUnit> uncoveredBuildings(OrgUnit root, PageRequest page) {
        return db.list(SELECT + "where path > ? and path < ? and level = 'BUILDING' and form is null and status = 'ACTIVE'"
                + " order by path limit ? offset ?", OrgUnit::map, root.path(), Paths.upperBound(root.path()), page.size, page.offset());
    }

    /** Active organizations under a unit with no active SECRETARY post (GROUP_LEADER for a group). */
    public List<OrgUnit> leaderless(OrgUnit root, PageRequest page) {
        return db.list(SELECT + "where path > ? and path < ? and form is not null and not has_leader and status = 'ACTIVE'"
                + " order by path limit ? offset ?", OrgUnit::map, root.path(), Paths.upperBound(root.path()), page.size, page.offset());
    }

    public boolean hasHouseholds(UUID buildingId) {
        return db.count("select count(*) from (select 1 from household where building_id = ? limit 1) x", buildingId) > 0;
    }

    /** Whether the unit has any member who has not left (an exit keeps the row as history). */
    public boolean hasMembers(UUID unitId) {
        return db.count("select count(*) from (select 1 from member where unit_id = ?"
                + " and status not in ('TRANSFERRED_OUT', 'DECEASED', 'REMOVED') limit 1) x", unitId) > 0;
    }

    /** The holder of the unit's active leading post (SECRETARY, or GROUP_LEADER for a group), if any. */
    public Optional<String> leaderHolder(UUID unitId, OrgForm form) {
        if (form == null) {
            return Optional.empty();
        }
        return db.one("select holder_name from post where unit_id = ? and role = ? and ended_on is null",
                row -> row.getString(1), unitId, form == OrgForm.GROUP ? "GROUP_LEADER" : "SECRETARY");
    }

    /**
     * Rewrites the paths and depths of a whole subtree, its members' and households' paths with it. Members and
     * households first (their writers lock their row, then their unit: taking the units first could deadlock with an
     * exit or a transfer ending a post), then the units, which waits for anyone adding a member or household under
     * them (they hold the unit FOR SHARE); rows added meanwhile still carry the old prefix and are caught by the
     * last two statements.
     */
    public void rewriteSubtreePaths(String oldPrefix, String newPrefix, int depthDelta) {
        rewritePaths("member", oldPrefix, newPrefix);
        rewritePaths("household", oldPrefix, newPrefix);
        db.update("update org_unit set path = ? || substr(path, ?), depth = depth + ? where path >= ? and path < ?",
                newPrefix, oldPrefix.length() + 1, depthDelta, oldPrefix, Paths.upperBound(oldPrefix));
        rewritePaths("member", oldPrefix, newPrefix);
        rewritePaths("household", oldPrefix, newPrefix);
    }

    private void rewritePaths(String table, String oldPrefix, String newPrefix) {
        db.update("update " + table + " set path = ? || substr(path, ?) where path >= ? and path < ?",
                newPrefix, oldPrefix.length() + 1, oldPrefix, Paths.upperBound(oldPrefix));
    }

    private static final class Query {
        final StringBuilder where = new StringBuilder("where true");
        final List<Object> args = new ArrayList<>();

        Query and(String condition, Object... values) {
            where.append(" and ").append(condition);
            args.addAll(List.of(values));
            return this;
        }
    }

    private static Query descendantQuery(OrgUnit root, SubtreeFilter filter) {
        Query query = new Query().and("path > ? and path < ?", root.path(), Paths.upperBound(root.path()));
        if (filter.maxDepth() != null) {
            query.and("depth <= ?", root.depth() + filter.maxDepth());
        }
        return filtered(query, filter);
    }

    private static Query plainQuery(SubtreeFilter filter) {
        return filtered(new Query(), filter);
    }

    private static Query filtered(Query query, SubtreeFilter filter) {
        if (filter.levels() != null && !filter.levels().isEmpty()) {
            query.and("level = any(?)", (Object) filter.levels().stream().map(Enum::name).toArray(String[]::new));
        }
        if (filter.status() != null) {
            query.and("status = ?", filter.status().name());
        }
        if (filter.nameContains() != null) {
            query.and("name ilike ?", "%" + escapeLike(filter.nameContains()) + "%");
        }
        if (filter.code() != null) {
            query.and("code = ?", filter.code());
        }
        return query;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
