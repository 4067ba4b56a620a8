package org.community.consultation.orgfeed;

import java.util.ArrayList;
import java.util.List;

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

    @Override
    public void renamed(List<RenamedUnit> units) {
        List<Object[]> topics = new ArrayList<>();
        List<Object[]> ledgers = new ArrayList<>();
        for (RenamedUnit unit : units) {
            topics.add(new Object[] { unit.name(), unit.level(), unit.path(), unit.unitId(), unit.name(), unit.level() });
            ledgers.add(new Object[] { unit.name(), unit.path(), unit.unitId(), unit.name() });
        }
        db.batch("update topic set scope_name = ?, scope_level = ? where org_path = ? and scope_unit_id = ?"
                + " and (scope_name is distinct from ? or scope_level is distinct from ?)", topics);
        db.batch("update ledger set compound_name = ? where org_path = ? and compound_id = ? and compound_name is distinct from ?", ledgers);
    }
}
