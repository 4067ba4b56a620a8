package org.community.consultation.orgfeed;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.orgfeed.OrgTreeCopy;

/**
 * What org-service's change feed does here (the consumer itself is the conventions library's {@code orgfeed}): the copy
 * of the tree is {@code known_unit}; a moved subtree re-paths topics, meetings, disclosure ledgers and audit entries;
 * a rename (or a level change) reaches a topic's scope and a ledger's compound. Votes, ballots, electors, resolutions,
 * objections, tasks, evaluations and disclosure entries hang off a topic or a ledger and keep no path of their own.
 * Writes under a dissolved unit are refused by the V3 triggers, which read {@code known_unit.dissolved}.
 */
@ApplicationScoped
public class ConsultationTreeCopy implements OrgTreeCopy {

    private static final List<PathedTable> PATHED = List.of(
            PathedTable.of("topic", "org_path"),
            PathedTable.of("meeting", "org_path"),
            PathedTable.of("ledger", "org_path"),
            PathedTable.of("audit_entry", "org_path"));

    @Inject
    Db db;

    @Override
    public String unitTable() {
        return "known_unit";
    }

    @Override
    public String unitPathColumn() {
        return "org_path";
    }

    @Override
    public List<PathedTable> pathedTables() {
        return PATHED;
    }

    /**
     * One statement per table for the whole batch: a catch-up renames hundreds of units per batch, and a JDBC batch of
     * single-row updates cost a round of planning and executing per unit.
     */
    @Override
    public void renamed(List<RenamedUnit> units) {
        UUID[] ids = new UUID[units.size()];
        String[] names = new String[units.size()];
        String[] levels = new String[units.size()];
        String[] paths = new String[units.size()];
        for (int i = 0; i < units.size(); i++) {
            ids[i] = units.get(i).unitId();
            names[i] = units.get(i).name();
            levels[i] = units.get(i).level();
            paths[i] = units.get(i).path();
        }
        db.update("update topic t set scope_name = u.name, scope_level = u.level from unnest(?::uuid[], ?::text[], ?::text[], ?::text[])"
                + " u (id, name, level, path) where t.org_path = u.path and t.scope_unit_id = u.id"
                + " and (t.scope_name is distinct from u.name or t.scope_level is distinct from u.level)", ids, names, levels, paths);
        db.update("update ledger l set compound_name = u.name from unnest(?::uuid[], ?::text[], ?::text[]) u (id, name, path)"
                + " where l.org_path = u.path and l.compound_id = u.id and l.compound_name is distinct from u.name", ids, names, paths);
    }
}
