package org.community.org.household;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.org.persistence.Constraints;
import org.community.org.persistence.Locks;
import org.community.org.persistence.Where;
import org.community.org.tree.Paths;

/** Households as entities; subtree reads are ranges on the building path copied onto each household. */
@ApplicationScoped
public class HouseholdRepository implements PanacheRepositoryBase<Household, UUID> {

    @Inject
    Db db;

    @Inject
    CentralDesignationRepository designations;

    public Optional<Household> find(UUID id) {
        return findByIdOptional(id);
    }

    public Optional<Household> lockForUpdate(UUID id) {
        return Locks.forUpdate(getEntityManager(), Household.class, id);
    }

    /** Registers a household unless the address is taken in the building; false when it is. */
    public boolean insert(Household h) {
        if (addressTaken(h.buildingId(), h.entrance(), h.room(), null)) {
            return false;
        }
        persist(h);
        return Constraints.flushed(this::flush, "household_address");
    }

    /**
     * Writes a changed household now; false when its new address was taken meanwhile. Check {@link #addressTaken}
     * before changing it: a query on a changed entity flushes it first.
     */
    public boolean update(Household h) {
        return Constraints.flushed(this::flush, "household_address");
    }

    /** Whether another household than {@code except} (null: any) lives at this address of the building. */
    public boolean addressTaken(UUID buildingId, String entrance, String room, UUID except) {
        Where taken = new Where().and("buildingId = ? and entrance = ? and room = ?", buildingId, entrance, room);
        if (except != null) {
            taken.and("id <> ?", except);
        }
        return count(taken.hql(), taken.args()) > 0;
    }

    public void remove(Household h) {
        delete(h);
        flush();
    }

    /** The filters of the household list; null does not filter. */
    public record Filter(Boolean central, Boolean served, String room) {
    }

    public List<Household> inSubtree(String path, Filter filter, PageRequest page) {
        Where where = subtree(path, filter);
        return find(where.hql() + " order by path, id", where.args()).page(page.page, page.size).list();
    }

    public long countInSubtree(String path, Filter filter) {
        Where where = subtree(path, filter);
        return count(where.hql(), where.args());
    }

    private static Where subtree(String path, Filter filter) {
        Where where = new Where().and("path >= ? and path < ?", path, Paths.upperBound(path));
        if (filter.central() != null) {
            where.and("central = ?", filter.central());
        }
        if (filter.served() != null) {
            where.and(filter.served() ? "(central or servedBy is not null)" : "(not central and servedBy is null)");
        }
        if (filter.room() != null) {
            where.and("room = ?", filter.room());
        }
        return where;
    }

    /** Households not served by any central household, in tree order: the coverage gap list. */
    public List<Household> unserved(String path, PageRequest page) {
        return find("path >= ?1 and path < ?2 and servedBy is null and not central order by path, id", path, Paths.upperBound(path))
                .page(page.page, page.size).list();
    }

    public List<Household> servedBy(UUID centralId, PageRequest page) {
        return find("servedBy = ?1 order by path, entrance, room", centralId).page(page.page, page.size).list();
    }

    public long countServedBy(UUID centralId) {
        return count("servedBy", centralId);
    }

    public Map<UUID, Long> servedCounts(List<UUID> centralIds) {
        if (centralIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("select servedBy, count(*) from Household where servedBy in ?1 group by servedBy", Object[].class)
                .setParameter(1, centralIds).getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1]));
    }

    /** Releases every household a central household serves; answers how many were released per building path. */
    public Map<String, Long> releaseServed(UUID centralId, Instant now) {
        Map<String, Long> perPath = getEntityManager()
                .createQuery("select path, count(*) from Household where servedBy = ?1 group by path", Object[].class)
                .setParameter(1, centralId).getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
        update("servedBy = null, version = version + 1, updatedAt = ?1 where servedBy = ?2", now, centralId);
        return perPath;
    }

    public Optional<CentralDesignation> currentDesignation(UUID householdId) {
        return designations.current(householdId);
    }

    public Map<UUID, CentralDesignation> currentDesignations(List<UUID> householdIds) {
        return designations.current(householdIds);
    }

    public List<CentralDesignation> designationHistory(UUID householdId) {
        return designations.history(householdId);
    }

    public void insertDesignation(CentralDesignation d) {
        designations.persist(d);
    }

    public void revokeDesignation(UUID householdId, String reason, Instant now) {
        designations.current(householdId).ifPresent(d -> d.revoke(reason, now));
    }

    // The two lookups below read a column or two of org_unit by key, as the tree's own reads do (OrgUnitRepository):
    // plain SQL through Db, no unit entity loaded.

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
