package org.community.org.household;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.tree.Paths;

@ApplicationScoped
public class HouseholdRepository {

    private static final String SELECT = "select " + Household.COLUMNS + " from household ";

    @Inject
    Db db;

    public Optional<Household> find(UUID id) {
        return db.one(SELECT + "where id = ?", Household::map, id);
    }

    public Optional<Household> lockForUpdate(UUID id) {
        return db.one(SELECT + "where id = ? for update", Household::map, id);
    }

    /** Locks several households in id order, so two clerks linking the same pair cannot deadlock. */
    public List<Household> lockAll(UUID... ids) {
        return db.list(SELECT + "where id = any(?) order by id for update", Household::map, (Object) ids);
    }

    /** Inserts unless the address is taken in the building; false when it is. */
    public boolean insert(Household h) {
        return db.update("insert into household (" + Household.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (building_id, entrance, room) do nothing",
                h.id(), h.buildingId(), h.path(), h.compound(), h.building(), h.entrance(), h.room(), h.residents(), h.headName(),
                h.phone(), h.central(), h.servedBy(), h.version(), h.createdAt(), h.updatedAt()) == 1;
    }

    /** Writes every field; false when the new address is taken by another household. */
    public boolean update(Household h) {
        if (db.count("select count(*) from household where building_id = ? and entrance = ? and room = ? and id <> ?",
                h.buildingId(), h.entrance(), h.room(), h.id()) > 0) {
            return false;
        }
        db.update("update household set building_id = ?, path = ?, compound = ?, building = ?, entrance = ?, room = ?, residents = ?,"
                + " head_name = ?, phone = ?, is_central = ?, served_by = ?, version = ?, updated_at = ? where id = ?",
                h.buildingId(), h.path(), h.compound(), h.building(), h.entrance(), h.room(), h.residents(), h.headName(), h.phone(),
                h.central(), h.servedBy(), h.version(), h.updatedAt(), h.id());
        return true;
    }

    public void delete(UUID id) {
        db.update("delete from household where id = ?", id);
    }

    /** The filters of the household list; null does not filter. */
    public record Filter(Boolean central, Boolean served, String room) {
    }

    public List<Household> inSubtree(String path, Filter filter, PageRequest page) {
        Object[] args = { path, Paths.upperBound(path), filter.central(), filter.central(), filter.served(), filter.served(),
                filter.room(), filter.room(), page.size, page.offset() };
        return db.list(SELECT + "where " + FILTER + " order by path, id limit ? offset ?", Household::map, args);
    }

    public long countInSubtree(String path, Filter filter) {
        return db.count("select count(*) from household where " + FILTER, path, Paths.upperBound(path), filter.central(),
                filter.central(), filter.served(), filter.served(), filter.room(), filter.room());
    }

    private static final String FILTER = "path >= ? and path < ?"
            + " and (?::boolean is null or is_central = ?)"
            + " and (?::boolean is null or (is_central or served_by is not null) = ?)"
            + " and (?::text is null or room = ?)";

    /** Households not served by any central household, in tree order: the coverage gap list. */
    public List<Household> unserved(String path, PageRequest page) {
        return db.list(SELECT + "where path >= ? and path < ? and served_by is null and not is_central order by path, id limit ? offset ?",
                Household::map, path, Paths.upperBound(path), page.size, page.offset());
    }

    public List<Household> servedBy(UUID centralId, PageRequest page) {
        return db.list(SELECT + "where served_by = ? order by path, entrance, room limit ? offset ?", Household::map, centralId,
                page.size, page.offset());
    }

    public long countServedBy(UUID centralId) {
        return db.count("select count(*) from household where served_by = ?", centralId);
    }

    public Map<UUID, Long> servedCounts(List<UUID> centralIds) {
        if (centralIds.isEmpty()) {
            return Map.of();
        }
        return db.list("select served_by, count(*) from household where served_by = any(?) group by served_by",
                row -> Map.entry(Db.uuid(row, "served_by"), row.getLong(2)), (Object) centralIds.toArray(UUID[]::new))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Releases every household a central household serves; answers how many were released per building path. */
    public Map<String, Long> releaseServed(UUID centralId, Instant now) {
        Map<String, Long> perPath = db.list("select path, count(*) from household where served_by = ? group by path",
                row -> Map.entry(row.getString(1), row.getLong(2)), centralId)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        db.update("update household set served_by = null, version = version + 1, updated_at = ? where served_by = ?", now, centralId);
        return perPath;
    }

    public Optional<CentralDesignation> currentDesignation(UUID householdId) {
        return db.one("select " + CentralDesignation.COLUMNS + " from central_designation where household_id = ? and revoked_at is null",
                CentralDesignation::map, householdId);
    }

    public Map<UUID, CentralDesignation> currentDesignations(List<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        return db.list("select " + CentralDesignation.COLUMNS + " from central_designation where household_id = any(?) and revoked_at is null",
                CentralDesignation::map, (Object) householdIds.toArray(UUID[]::new))
                .stream().collect(Collectors.toMap(CentralDesignation::householdId, d -> d));
    }

    public List<CentralDesignation> designationHistory(UUID householdId) {
        return db.list("select " + CentralDesignation.COLUMNS + " from central_designation where household_id = ? order by designated_at",
                CentralDesignation::map, householdId);
    }

    public void insertDesignation(CentralDesignation d) {
        db.update("insert into central_designation (" + CentralDesignation.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.householdId(), d.plaqueOn(), d.designatedAt(), d.note(), d.revokedAt(), d.revokeReason());
    }

    public void revokeDesignation(UUID householdId, String reason, Instant now) {
        db.update("update central_designation set revoked_at = ?, revoke_reason = ? where household_id = ? and revoked_at is null",
                now, reason, householdId);
    }

    /** The key of the COMMUNITY unit above a path, if any: "same community" is the neighbourhood rule for serving. */
    public Optional<Long> communityKey(String path) {
        return db.one("select key from org_unit where key = any(?) and level = 'COMMUNITY'", row -> row.getLong(1),
                (Object) Paths.keys(path));
    }

    /** Name of the nearest COMPOUND above a building, for the default address. */
    public Optional<String> compoundName(String buildingPath) {
        return db.one("select name from org_unit where key = any(?) and level = 'COMPOUND' order by depth desc limit 1",
                row -> row.getString(1), (Object) Paths.keys(buildingPath));
    }
}
