package org.community.volunteer.orgfeed;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.orgfeed.OrgTreeCopy;

/**
 * What org-service's change feed does here (the consumer itself is the conventions library's {@code orgfeed}): the copy
 * of the tree is {@code org_unit_snapshot}; a moved subtree re-paths volunteers, teams, activities, service records and
 * hour roll-ups, partners, resources, demands, projects and audit entries; a rename reaches the copies of the unit's
 * name. Writes under a dissolved unit are refused by the V3 triggers, which read {@code org_unit_snapshot.dissolved}.
 */
@ApplicationScoped
public class VolunteerTreeCopy implements OrgTreeCopy {

    private static final List<PathedTable> PATHED = List.of(
            PathedTable.of("volunteer", "org_path"),
            PathedTable.withCommunity("team", "org_path", "community_path"),
            PathedTable.of("activity", "org_path"),
            PathedTable.of("service_record", "org_path"),
            PathedTable.of("volunteer_year_hours", "org_path"),
            PathedTable.withCommunity("partner", "org_path", "community_path"),
            PathedTable.withCommunity("resource", "org_path", "community_path"),
            PathedTable.withCommunity("demand", "org_path", "community_path"),
            PathedTable.of("project", "org_path"),
            PathedTable.of("audit_entry", "org_path"));

    /** Tables that copy the unit's name next to its id. */
    private static final List<String> NAMED = List.of("volunteer", "team", "partner", "demand");

    @Inject
    Db db;

    @Override
    public String unitTable() {
        return "org_unit_snapshot";
    }

    @Override
    public String unitPathColumn() {
        return "path";
    }

    @Override
    public List<PathedTable> pathedTables() {
        return PATHED;
    }

    /** Keyed by (year, path): rows moving onto a path that has one already (written before this event arrived) add up. */
    @Override
    public void repathMore(String from, String to) {
        db.update("with moved as (delete from unit_year_hours where org_path >= ? and org_path < ? returning org_path, year, minutes, records)"
                + " insert into unit_year_hours (org_path, year, minutes, records) select ? || substr(org_path, ?), year, minutes, records from moved"
                + " on conflict (year, org_path) do update set minutes = unit_year_hours.minutes + excluded.minutes,"
                + " records = unit_year_hours.records + excluded.records", from, from + "~", to, from.length() + 1);
    }

    @Override
    public void renamed(List<RenamedUnit> units) {
        List<Object[]> names = new ArrayList<>();
        for (RenamedUnit unit : units) {
            names.add(new Object[] { unit.name(), unit.path(), unit.unitId(), unit.name() });
        }
        for (String table : NAMED) {
            db.batch("update " + table + " set org_unit_name = ? where org_path = ? and org_unit_id = ? and org_unit_name is distinct from ?",
                    names);
        }
    }
}
