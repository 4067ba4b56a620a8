package org.community.volunteer.orgunit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
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
        OrgDirectory.Lookup lookup = lookup(field, id);
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

    /**
     * A unit as org-service describes it, nothing written yet: its chain (top down, the unit last) or, for an unknown or
     * dissolved unit, the message key and arguments saying why it cannot be used.
     */
    public record Resolved(UUID id, List<OrgUnitRef> chain, String problemKey, Object[] problemArgs) {

        /** The unit itself; null when unusable. */
        public OrgUnitRef unit() {
            return chain.isEmpty() ? null : chain.get(chain.size() - 1);
        }

        public boolean usable() {
            return problemKey == null;
        }
    }

    /**
     * Each distinct unit looked up in org-service once, in the given order, without writing: bulk writes check every unit
     * before anything is stored, then keep the snapshot with {@link #rememberAll}. 503 naming {@code field} when
     * org-service cannot be reached.
     */
    public Map<UUID, Resolved> lookupAll(String field, Collection<UUID> ids) {
        Map<UUID, Resolved> resolved = new LinkedHashMap<>();
        for (UUID id : ids) {
            if (resolved.containsKey(id)) {
                continue;
            }
            OrgDirectory.Lookup lookup = lookup(field, id);
            if (lookup.notFound() != null) {
                resolved.put(id, new Resolved(id, List.of(), "orgUnitUnknown", new Object[] { id, lookup.notFound() }));
            } else if ("DISSOLVED".equals(lookup.unit().status())) {
                resolved.put(id, new Resolved(id, List.of(), "orgUnitDissolved", new Object[] { lookup.unit().name() }));
            } else {
                resolved.put(id, new Resolved(id, chain(lookup.unit(), lookup.ancestors()), null, null));
            }
        }
        return resolved;
    }

    /**
     * Keeps the snapshot of these units and their ancestors, writing only the rows that are missing: rows already
     * there are not locked, so concurrent bulk writes under the same ancestors do not queue behind each other.
     * Joins the caller's transaction.
     */
    public void rememberAll(Collection<Resolved> units) {
        Map<UUID, OrgUnitRef> nodes = new LinkedHashMap<>();
        for (Resolved unit : units) {
            unit.chain().forEach(node -> nodes.putIfAbsent(node.id(), node));
        }
        if (nodes.isEmpty()) {
            return;
        }
        Map<UUID, OrgUnitRef> stored = new HashMap<>();
        db.list("select id, name, level, path, community_path from org_unit_snapshot where id = any (?)",
                row -> stored.put(Db.uuid(row, "id"), new OrgUnitRef(Db.uuid(row, "id"), row.getString("name"), row.getString("level"),
                        row.getString("path"), row.getString("community_path"))),
                (Object) nodes.keySet().toArray(UUID[]::new));
        Instant now = Instant.now();
        // top down, like the single writes, so that two writers lock shared rows in the same order
        nodes.values().stream().filter(node -> !stored.containsKey(node.id()))
                .sorted(Comparator.comparing((OrgUnitRef node) -> node.path().length()).thenComparing(OrgUnitRef::path))
                .forEach(node -> upsert(node, now));
    }

    private static List<OrgUnitRef> chain(OrgServiceUnit unit, List<OrgServiceUnit> ancestors) {
        List<OrgServiceUnit> nodes = new ArrayList<>(ancestors);
        nodes.add(unit);
        List<OrgUnitRef> chain = new ArrayList<>();
        StringBuilder path = new StringBuilder("/");
        String community = null;
        for (OrgServiceUnit node : nodes) {
            path.append(node.id()).append('/');
            String nodePath = path.toString();
            if ("COMMUNITY".equals(node.level())) {
                community = nodePath;
            }
            chain.add(new OrgUnitRef(node.id(), node.name(), node.level(), nodePath, community));
        }
        return chain;
    }

    /**
     * A unit not seen before joins the snapshot; a known one is left as it is. Only org-service's change feed
     * ({@code orgfeed/}) changes a known unit, moving its subtree's records with it in the same transaction: were a lookup
     * to move the unit's row on its own, the records under it would stay behind and the move event, finding the row moved
     * already, would have nothing to re-path. Until that event arrives a new record takes the stored path (the V3
     * trigger), and moves with the others.
     */
    private void upsert(OrgUnitRef node, Instant now) {
        db.update("insert into org_unit_snapshot (id, name, level, path, community_path, fetched_at) values (?, ?, ?, ?, ?, ?)"
                + " on conflict (id) do nothing", node.id(), node.name(), node.level(), node.path(), node.communityPath(), now);
    }

    private OrgUnitRef remember(OrgServiceUnit unit, List<OrgServiceUnit> ancestors) {
        Instant now = Instant.now();
        List<OrgUnitRef> chain = chain(unit, ancestors);
        chain.forEach(node -> upsert(node, now));
        return chain.get(chain.size() - 1);
    }

    /**
     * org-service's answer for one unit. Its refusal is the caller's: 403 when it refused the caller (401/403, the
     * caller's token is passed on), otherwise 400 naming {@code field} and quoting org-service. 503 naming {@code field}
     * only when org-service cannot answer: a timeout, a connection failure, a 5xx, or the circuit is open.
     */
    private OrgDirectory.Lookup lookup(String field, UUID id) {
        try {
            return directory.lookup(id);
        } catch (OrgDirectory.Refused e) {
            if (e.status == 401 || e.status == 403) {
                throw Caller.forbidden();
            }
            throw ProblemException.badField(field, "orgUnitRefused", id, e.status, e.detail);
        } catch (RuntimeException e) {
            LOG.warnf("org-service unavailable while checking org unit %s: %s", id, e.toString());
            throw new ProblemException(ProblemType.UNAVAILABLE, "orgServiceDown", field);
        }
    }
}
