package org.community.org.household;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.http.Preconditions;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.stats.Counts;
import org.community.org.stats.Metric;
import org.community.org.stats.Rollups;
import org.community.org.tree.Level;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.community.org.tree.Paths;

/**
 * Household writes. Each keeps the roll-up counters of the building's ancestors in step: a change adds the
 * difference between the household's contribution after and before.
 */
@ApplicationScoped
public class HouseholdService {

    @Inject
    HouseholdRepository households;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @Inject
    OrgUnitRepository units;

    @Inject
    Rollups rollups;

    @Transactional
    public Household create(HouseholdInput input) {
        caller.require(Access.FIELD_WORK);
        OrgUnit building = building(input.buildingUnitId());
        Household household = new Household(building.id(), building.path(), addressOf(input, building), input.residentsCount(),
                trimToNull(input.headName()), trimToNull(input.phone()), Instant.now());
        if (!households.insert(household)) {
            throw ProblemException.conflictOnField("room", "addressTaken", household.entrance(), household.room());
        }
        rollups.apply(Paths.keys(building.path()), household.contribution());
        audit.record("household.create", "household", household.id(), household.path(), input);
        return household;
    }

    @Transactional
    public Household update(UUID id, HouseholdInput input, String ifMatch) {
        caller.require(Access.FIELD_WORK);
        Household current = lockVisible(id);
        Preconditions.requireMatch(ifMatch, current.version());
        OrgUnit building = current.buildingId().equals(input.buildingUnitId())
                ? units.lockAgainstMove(current.buildingId()).orElseThrow()
                : building(input.buildingUnitId());
        UUID servedBy = current.servedBy();
        boolean sameCommunity = households.communityKey(building.path()).equals(households.communityKey(current.path()));
        if (!sameCommunity) {
            long serving = current.central() ? households.countServedBy(id) : 0;
            if (serving > 0) {
                throw ProblemException.conflict("centralServesOthers", serving);
            }
            servedBy = null;
        }
        Household.Address address = addressOf(input, building);
        if (households.addressTaken(building.id(), address.entrance(), address.room(), id)) {
            throw ProblemException.conflictOnField("room", "addressTaken", address.entrance(), address.room());
        }
        String pathBefore = current.path();
        Counts before = current.contribution();
        current.change(building.id(), building.path(), address, input.residentsCount(), trimToNull(input.headName()),
                trimToNull(input.phone()), servedBy, Instant.now());
        if (!households.update(current)) {
            throw ProblemException.conflictOnField("room", "addressTaken", current.entrance(), current.room());
        }
        moveContribution(pathBefore, before, current.path(), current.contribution());
        audit.record("household.update", "household", id, current.path(), input);
        return current;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        caller.require(Access.FIELD_WORK);
        Household current = lockVisible(id);
        Preconditions.checkMatch(ifMatch, current.version());
        long serving = current.central() ? households.countServedBy(id) : 0;
        if (serving > 0) {
            throw ProblemException.conflict("centralServesOthers", serving);
        }
        households.remove(current);
        rollups.apply(Paths.keys(current.path()), current.contribution().negated());
        audit.record("household.delete", "household", id, current.path(), java.util.Map.of("room", current.room()));
    }

    /** Designates a 党员中心户. A household served by another one stops being served: it now serves others. */
    @Transactional
    public Household designate(UUID id, DesignationInput input) {
        caller.require(Access.FIELD_WORK);
        Household current = lockVisible(id);
        if (current.central()) {
            throw ProblemException.conflict("alreadyCentral");
        }
        Instant now = Instant.now();
        Counts before = current.contribution();
        households.insertDesignation(new CentralDesignation(id, input.plaqueDate(), now, trimToNull(input.note())));
        current.serve(true, null, now);
        households.flush();
        rollups.apply(Paths.keys(current.path()), current.contribution().minus(before));
        audit.record("household.designate", "household", id, current.path(), input);
        return current;
    }

    /** Revokes a designation; the households it served become unserved (a coverage gap until linked again). */
    @Transactional
    public Household revoke(UUID id, String reason) {
        caller.require(Access.FIELD_WORK);
        Household current = lockVisible(id);
        if (!current.central()) {
            throw ProblemException.conflict("notCentral");
        }
        Instant now = Instant.now();
        Counts before = current.contribution();
        Map<String, Long> released = households.releaseServed(id, now);
        rollups.lock(released.keySet().stream().flatMapToLong(path -> Arrays.stream(Paths.keys(path))).distinct().toArray());
        released.forEach((path, count) -> rollups.apply(Paths.keys(path), Counts.zero().add(Metric.SERVED_HOUSEHOLDS, -count)));
        households.revokeDesignation(id, trimToNull(reason), now);
        current.serve(false, null, now);
        households.flush();
        rollups.apply(Paths.keys(current.path()), current.contribution().minus(before));
        audit.record("household.revoke", "household", id, current.path(), java.util.Map.of("reason", String.valueOf(trimToNull(reason)),
                "released", released.values().stream().mapToLong(Long::longValue).sum()));
        return current;
    }

    /** Links a neighbouring household to the central household that serves it; linking again is a no-op. */
    @Transactional
    public Household link(UUID centralId, UUID servedId) {
        caller.require(Access.FIELD_WORK);
        // the central household first, then the served one: revoke locks in the same order
        Household central = lockVisible(centralId);
        Household served = lockVisible(servedId);
        if (!central.central()) {
            throw ProblemException.conflict("notCentral");
        }
        if (centralId.equals(servedId)) {
            throw ProblemException.conflict("serveSelf");
        }
        if (served.central()) {
            throw ProblemException.conflict("serveCentral");
        }
        if (centralId.equals(served.servedBy())) {
            return served;
        }
        if (served.servedBy() != null) {
            throw ProblemException.conflict("servedByOther");
        }
        if (!households.communityKey(central.path()).equals(households.communityKey(served.path()))) {
            throw ProblemException.invalidField("servedHouseholdId", "serveOtherCommunity");
        }
        Counts before = served.contribution();
        served.serve(false, centralId, Instant.now());
        households.flush();
        rollups.apply(Paths.keys(served.path()), served.contribution().minus(before));
        audit.record("household.link", "household", centralId, central.path(), java.util.Map.of("servedHouseholdId", servedId.toString()));
        return served;
    }

    @Transactional
    public void unlink(UUID centralId, UUID servedId) {
        caller.require(Access.FIELD_WORK);
        lockVisible(centralId);
        Household served = lockVisible(servedId);
        if (!centralId.equals(served.servedBy())) {
            throw ProblemException.conflict("notServedByThis");
        }
        Counts before = served.contribution();
        served.serve(false, null, Instant.now());
        households.flush();
        rollups.apply(Paths.keys(served.path()), served.contribution().minus(before));
        audit.record("household.unlink", "household", centralId, served.path(), java.util.Map.of("servedHouseholdId", servedId.toString()));
    }

    private void moveContribution(String pathBefore, Counts before, String pathAfter, Counts after) {
        long[] oldKeys = Paths.keys(pathBefore);
        long[] newKeys = Paths.keys(pathAfter);
        if (pathBefore.equals(pathAfter)) {
            rollups.apply(newKeys, after.minus(before));
            return;
        }
        rollups.lock(LongStream.concat(Arrays.stream(oldKeys), Arrays.stream(newKeys)).distinct().toArray());
        rollups.apply(oldKeys, before.negated());
        rollups.apply(newKeys, after);
    }

    /** Locks a household the caller may see (404 otherwise, as for an unknown id). */
    private Household lockVisible(UUID id) {
        Household household = households.lockForUpdate(id).orElseThrow(() -> ProblemException.notFound("household", id));
        caller.requireVisible(Access.FIELD_WORK, "household", id, household.path());
        return household;
    }

    private OrgUnit building(UUID buildingId) {
        OrgUnit building = units.lockAgainstMove(buildingId)
                .orElseThrow(() -> ProblemException.invalidField("buildingUnitId", "buildingUnknown", buildingId));
        caller.requireIn(Access.FIELD_WORK, building.path());
        if (building.level() != Level.BUILDING) {
            throw ProblemException.invalidField("buildingUnitId", "buildingRequired", building.name(), building.level());
        }
        if (!building.isActive()) {
            throw ProblemException.invalidField("buildingUnitId", "buildingDissolved", building.name());
        }
        return building;
    }

    private Household.Address addressOf(HouseholdInput input, OrgUnit building) {
        return new Household.Address(compoundOf(input, building), buildingOf(input, building), entranceOf(input), input.room().trim());
    }

    private String compoundOf(HouseholdInput input, OrgUnit building) {
        String given = trimToNull(input.compound());
        return given != null ? given : households.compoundName(building.path()).orElse(null);
    }

    private static String buildingOf(HouseholdInput input, OrgUnit building) {
        String given = trimToNull(input.building());
        return given != null ? given : building.name();
    }

    private static String entranceOf(HouseholdInput input) {
        return input.entrance() == null ? "" : input.entrance().trim();
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
