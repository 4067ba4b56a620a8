package org.community.consultation.orgunits;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
import org.jboss.logging.Logger;

/** Checks an org unit named in a request and returns the snapshot this service keeps of it. */
@ApplicationScoped
public class OrgUnits {

    private static final Logger LOG = Logger.getLogger(OrgUnits.class);

    @Inject
    OrgServiceClient client;

    @Inject
    Db db;

    /**
     * The unit, which must exist, be active and have one of the allowed levels; 422 naming {@code field}
     * otherwise, 503 when org-service cannot be asked.
     */
    public UnitSnapshot require(UUID id, String field, Set<String> allowedLevels) {
        OrgServiceClient.UnitWithAncestors found;
        try {
            found = client.unitWithAncestors(id).orElseThrow(() -> ProblemException.invalidField(field, "unitUnknown", id));
        } catch (ProblemException e) {
            throw e;
        } catch (OrgServiceClient.Refused e) {
            if (e.status == 401 || e.status == 403) {
                // org-service judged the caller's own token (it is passed on): its refusal is the caller's
                throw org.community.consultation.security.Caller.forbidden();
            }
            // any other 4xx is about what the caller sent, not about org-service being down
            throw ProblemException.badField(field, "unitRefused", id, e.status);
        } catch (RuntimeException e) {
            // a timeout, a connection failure, a 5xx, or the circuit is open
            LOG.warnf("org-service unavailable while checking unit %s: %s", id, e.toString());
            throw new ProblemException(ProblemType.UNAVAILABLE, "orgServiceDown");
        }
        RemoteUnit unit = found.unit();
        if (!"ACTIVE".equals(unit.status())) {
            throw ProblemException.invalidField(field, "unitDissolved", unit.name());
        }
        if (!allowedLevels.contains(unit.level())) {
            throw ProblemException.invalidField(field, "unitLevelNotAllowed", unit.name(), unit.level(), String.join(", ", allowedLevels));
        }
        StringBuilder path = new StringBuilder("/");
        for (UUID ancestor : found.ancestorIds()) {
            path.append(ancestor).append('/');
        }
        path.append(unit.id()).append('/');
        remember(path.toString());
        return new UnitSnapshot(unit.id(), unit.name(), unit.level(), path.toString());
    }

    /** The path range of everything under a unit seen before, or empty when this service knows nothing under it. */
    public java.util.Optional<String> pathOf(UUID id) {
        return db.one("select org_path from known_unit where id = ?", row -> row.getString(1), id);
    }

    /**
     * Units not seen before join the snapshot; known ones are left as they are. Only org-service's change feed
     * ({@code orgfeed/}) changes a known unit, re-pathing the records under it in the same transaction: were a lookup to
     * move the row on its own, the records would stay behind and the move event would find nothing to do. Until that event
     * arrives a new record takes the stored path (the V3 trigger) and moves with the others.
     */
    private void remember(String orgPath) {
        String[] ids = orgPath.substring(1).split("/");
        StringBuilder prefix = new StringBuilder("/");
        for (String id : ids) {
            prefix.append(id).append('/');
            db.update("insert into known_unit (id, org_path) values (?, ?) on conflict (id) do nothing",
                    UUID.fromString(id), prefix.toString());
        }
    }
}
