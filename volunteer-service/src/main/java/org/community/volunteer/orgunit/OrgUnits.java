package org.community.volunteer.orgunit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.volunteer.db.Db;
import org.community.volunteer.problem.ProblemException;
import org.community.volunteer.problem.ProblemType;
import org.community.volunteer.security.Caller;
import org.community.volunteer.security.Scope;
import org.jboss.logging.Logger;

/**
 * Resolves org unit ids through org-service for writes and keeps a local snapshot of each unit and its
 * ancestors, so that reads (lists by subtree, stats) never need org-service.
 */
@ApplicationScoped
public class OrgUnits {

    private static final Logger LOG = Logger.getLogger(OrgUnits.class);

    @Inject
    OrgDirectory directory;

    @Inject
    Db db;

    /**
     * The unit for a write, checked with org-service: 422 naming {@code field} and quoting org-service's
     * answer when unknown or dissolved, 503 when org-service cannot be reached.
     */
    public OrgUnitRef require(String field, UUID id) {
        OrgDirectory.Lookup lookup;
        try {
            lookup = directory.lookup(id);
        } catch (RuntimeException e) {
            LOG.warnf("org-service unavailable while checking org unit %s: %s", id, e.toString());
            throw new ProblemException(ProblemType.UNAVAILABLE, "orgServiceDown", field);
        }
        if (lookup.notFound() != null) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    java.util.List.of(new ProblemException.Violation(field, "orgUnitUnknown", id, lookup.notFound())), "orgUnitUnknown", id,
                    lookup.notFound());
        }
        if ("DISSOLVED".equals(lookup.unit().status())) {
            throw ProblemException.invalidField(field, "orgUnitDissolved", lookup.unit().name());
        }
        return remember(lookup.unit(), lookup.ancestors());
    }

    /** A unit from the local snapshot only (reads). */
    public Optional<OrgUnitRef> known(UUID id) {
        return db.one("select id, name, level, path, community_path from org_unit_snapshot where id = ?",
                row -> new OrgUnitRef(Db.uuid(row, "id"), row.getString("name"), row.getString("level"), row.getString("path"),
                        row.getString("community_path")), id);
    }

    /**
     * The unit for a read filter: the local snapshot, else org-service (a unit nothing here refers to yet).
     * Unknown → 422 naming {@code field}; org-service down and not known locally → 503.
     */
    public OrgUnitRef forRead(String field, UUID id) {
        return known(id).orElseGet(() -> require(field, id));
    }

    /**
     * The unit for a read filter of a caller who reads only inside {@code scope}: from the local snapshot, 403 when it
     * lies outside the scope. A unit missing from the snapshot has nothing of this service under it: the filter then
     * matches nothing. Unrestricted callers get {@link #forRead(String, UUID)}.
     */
    public OrgUnitRef forRead(String field, UUID id, Scope scope) {
        if (scope.all()) {
            return forRead(field, id);
        }
        OrgUnitRef unit = known(id).orElse(null);
        if (unit == null) {
            return new OrgUnitRef(id, null, null, "/" + id + "/", null);
        }
        if (!scope.contains(unit.path())) {
            throw Caller.forbidden();
        }
        return unit;
    }

    private OrgUnitRef remember(OrgServiceUnit unit, List<OrgServiceUnit> ancestors) {
        List<OrgServiceUnit> chain = new ArrayList<>(ancestors);
        chain.add(unit);
        StringBuilder path = new StringBuilder("/");
        String community = null;
        OrgUnitRef last = null;
        Instant now = Instant.now();
        for (OrgServiceUnit node : chain) {
            path.append(node.id()).append('/');
            String nodePath = path.toString();
            if ("COMMUNITY".equals(node.level())) {
                community = nodePath;
            }
            last = new OrgUnitRef(node.id(), node.name(), node.level(), nodePath, community);
            db.update("insert into org_unit_snapshot (id, name, level, path, community_path, fetched_at) values (?, ?, ?, ?, ?, ?)"
                    + " on conflict (id) do update set name = excluded.name, level = excluded.level, path = excluded.path,"
                    + " community_path = excluded.community_path, fetched_at = excluded.fetched_at",
                    last.id(), last.name(), last.level(), last.path(), last.communityPath(), now);
        }
        return last;
    }
}
