package org.community.org.tree;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.db.Db;
import org.community.conventions.http.Preconditions;
import org.community.conventions.http.Times;
import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
import org.community.org.changes.ChangeLog;
import org.community.org.changes.ChangeType;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.stats.Counts;
import org.community.org.stats.Rollups;

/** The writes of the tree: each keeps paths, level rules and roll-up counters consistent in one transaction. */
@ApplicationScoped
public class OrgTreeService {

    /** Moves take this transaction-scoped advisory lock: two concurrent moves could otherwise form a cycle. */
    private static final long MOVE_LOCK = 0x6f7267_6d6f7665L;

    @Inject
    org.community.org.dues.DuesHooks dues;

    @Inject
    ChangeLog changeLog;

    @Inject
    OrgUnitRepository units;

    @Inject
    LevelRules rules;

    @Inject
    Rollups rollups;

    @Inject
    Db db;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Transactional
    public OrgUnit create(OrgUnitInput input) {
        caller.require(Access.ADMIN);
        OrgUnit parent = null;
        if (input.parentId() != null) {
            parent = units.lockAgainstMove(input.parentId())
                    .orElseThrow(() -> ProblemException.invalidField("parentId", "parentUnknown", input.parentId()));
            caller.requireIn(Access.ADMIN, parent.path());
            if (!parent.isActive()) {
                throw ProblemException.invalidField("parentId", "parentDissolved", parent.name());
            }
            if (!rules.allows(parent.level(), input.level())) {
                throw ProblemException.invalidField("level", "levelPairIllegal", input.level(), parent.level());
            }
        } else if (!rules.mayBeRoot(input.level())) {
            throw ProblemException.invalidField("parentId", "parentRequired", input.level());
        } else if (!caller.scope().everything()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "forbidden.scope");
        }
        long key = units.nextKey();
        OrgUnit unit = new OrgUnit(key, parent, input.level(), new OrgUnit.Details(input.code(), input.name().trim(), input.form(),
                input.establishedOn(), input.address(), blankToNull(input.leaderName()), false), Instant.now());
        if (!units.insert(unit)) {
            throw ProblemException.conflictOnField("code", "codeTaken", input.code());
        }
        rollups.create(key);
        rollups.apply(Paths.ancestorKeys(unit.path()), Counts.ofUnit(unit));
        audit.record("orgUnit.create", "orgUnit", unit.id(), unit.path(), OrgUnitView.of(unit));
        changeLog.record(ChangeType.CREATED, unit.id(), null);
        return unit;
    }

    @Transactional
    public OrgUnit update(UUID id, OrgUnitChanges changes, String ifMatch) {
        caller.require(Access.ADMIN);
        OrgUnit unit = units.lockForUpdate(id).orElseThrow(() -> ProblemException.notFound("orgUnit", id));
        caller.requireIn(Access.ADMIN, unit.path());
        Preconditions.requireMatch(ifMatch, unit.version());
        if (units.codeTaken(changes.code(), id)) {
            throw ProblemException.conflictOnField("code", "codeTaken", changes.code());
        }
        // the leader follows the posts: a form change (e.g. BRANCH → GROUP) asks for another leading role
        java.util.Optional<String> holder = units.leaderHolder(id, changes.form());
        OrgUnit.Details before = unit.details();
        Counts countsBefore = Counts.ofUnit(unit);
        boolean versioned = unit.edit(new OrgUnit.Details(changes.code(), changes.name().trim(), changes.form(), changes.establishedOn(),
                changes.address(), holder.orElse(blankToNull(changes.leaderName())), holder.isPresent()), Instant.now());
        // written before the counters and the outbox, both deliberate SQL in this transaction
        if (!units.update(unit, !versioned)) {
            throw ProblemException.conflictOnField("code", "codeTaken", changes.code());
        }
        rollups.apply(Paths.ancestorKeys(unit.path()), Counts.ofUnit(unit).minus(countsBefore));
        audit.record("orgUnit.update", "orgUnit", id, unit.path(), changes);
        recordUpdate(id, before, unit.details());
        return unit;
    }

    /**
     * Moves a unit and everything under it. The subtree's counters leave the old ancestors and join the new
     * ones; paths and depths of every descendant and household are rewritten in the same transaction.
     */
    @Transactional
    public OrgUnit move(UUID id, MoveRequest request, String ifMatch) {
        caller.require(Access.ADMIN);
        db.one("select pg_advisory_xact_lock(?)", row -> true, MOVE_LOCK);
        OrgUnit unit = units.lockForUpdate(id).orElseThrow(() -> ProblemException.notFound("orgUnit", id));
        requireStrictlyInside(unit);
        Preconditions.checkMatch(ifMatch, unit.version());
        if (!unit.isActive()) {
            throw ProblemException.conflict("unitDissolved", unit.name());
        }
        OrgUnit newParent = units.lockAgainstMove(request.newParentId())
                .orElseThrow(() -> ProblemException.invalidField("newParentId", "parentUnknown", request.newParentId()));
        caller.requireIn(Access.ADMIN, newParent.path());
        if (Paths.isWithin(newParent.path(), unit.path())) {
            throw ProblemException.conflictOnField("newParentId", "moveCycle", newParent.name(), unit.name());
        }
        if (!newParent.isActive()) {
            throw ProblemException.invalidField("newParentId", "parentDissolved", newParent.name());
        }
        if (!rules.allows(newParent.level(), unit.level())) {
            throw ProblemException.invalidField("newParentId", "levelPairIllegal", unit.level(), newParent.level());
        }
        if (newParent.id().equals(unit.parentId())) {
            return unit;
        }
        String newPath = Paths.child(newParent.path(), unit.key());
        // Rows first, counters second, the order every other writer uses (its row, then the counters): rewriting the
        // paths locks every unit, household and member of the subtree, so no write below can change the subtree's
        // counters between the read and the apply, and a writer holding a row lock cannot wait on us for the counters.
        units.rewriteSubtreePaths(unit.path(), newPath, newParent.depth() + 1 - unit.depth());
        long[] oldAncestors = Paths.ancestorKeys(unit.path());
        long[] newAncestors = Paths.keys(newParent.path());
        rollups.lock(union(oldAncestors, newAncestors));
        Counts subtree = rollups.read(unit.key()).plus(Counts.ofUnit(unit));
        rollups.apply(oldAncestors, subtree.negated());
        rollups.apply(newAncestors, subtree);
        dues.unitMoved(unit.key(), oldAncestors, newAncestors);
        // the entity writes the new parent and version (its path and depth are the rewrite's): now, before the outbox reads the row
        unit.moveUnder(newParent, Instant.now());
        units.flush();
        changeLog.record(ChangeType.MOVED, unit.id(), unit.path());
        audit.record("orgUnit.move", "orgUnit", id, newPath,
                java.util.Map.of("fromParentId", String.valueOf(unit.parentId()), "toParentId", newParent.id().toString()));
        return units.find(id).orElseThrow();
    }

    /** Dissolves a unit; refused while it has active children, households or members. */
    @Transactional
    public OrgUnit dissolve(UUID id, DissolveRequest request, String ifMatch) {
        caller.require(Access.ADMIN);
        OrgUnit unit = units.lockForUpdate(id).orElseThrow(() -> ProblemException.notFound("orgUnit", id));
        requireStrictlyInside(unit);
        Preconditions.checkMatch(ifMatch, unit.version());
        if (!unit.isActive()) {
            throw ProblemException.conflict("unitDissolved", unit.name());
        }
        if (units.hasActiveChildren(id)) {
            throw ProblemException.conflict("dissolveHasChildren", unit.name());
        }
        if (units.hasHouseholds(id)) {
            throw ProblemException.conflict("dissolveHasHouseholds", unit.name());
        }
        if (units.hasMembers(id)) {
            throw ProblemException.conflict("dissolveHasMembers", unit.name());
        }
        Counts before = Counts.ofUnit(unit);
        unit.dissolve(request.dissolvedOn() == null ? Times.today() : request.dissolvedOn(), request.reason(), Instant.now());
        // written before the counters and the outbox, both deliberate SQL in this transaction
        units.flush();
        rollups.apply(Paths.ancestorKeys(unit.path()), Counts.ofUnit(unit).minus(before));
        audit.record("orgUnit.dissolve", "orgUnit", id, unit.path(), request);
        changeLog.record(ChangeType.DISSOLVED, unit.id(), null);
        return unit;
    }

    /**
     * The feed's events of a PUT: {@code renamed} when the name changed, {@code changed} when anything else did (form,
     * code, date, address, displayed leader), both when both did; a PUT that changes nothing publishes nothing.
     */
    private void recordUpdate(UUID id, OrgUnit.Details before, OrgUnit.Details after) {
        if (!before.name().equals(after.name())) {
            changeLog.record(ChangeType.RENAMED, id, null);
        }
        if (!java.util.Objects.equals(before.code(), after.code()) || before.form() != after.form()
                || !java.util.Objects.equals(before.establishedOn(), after.establishedOn())
                || !java.util.Objects.equals(before.address(), after.address())
                || !java.util.Objects.equals(before.leaderName(), after.leaderName()) || before.hasLeader() != after.hasLeader()) {
            changeLog.record(ChangeType.CHANGED, id, null);
        }
    }

    /** A caller moves or dissolves units below the top of its scope, never the units it was given. */
    private void requireStrictlyInside(OrgUnit unit) {
        if (!caller.scope().containsStrictly(unit.path())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "forbidden.scope");
        }
    }

    private static long[] union(long[] a, long[] b) {
        return java.util.stream.LongStream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).distinct().toArray();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
