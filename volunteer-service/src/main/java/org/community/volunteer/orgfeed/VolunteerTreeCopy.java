package org.community.volunteer.orgfeed;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.orgfeed.OrgTreeCopy;

/**
 * What org-service's change feed does here (the consumer itself is the conventions library's {@code orgfeed}): the copy
 * of the tree is {@code org_unit_snapshot}; a moved subtree re-paths volunteers, teams, activities, hour roll-ups,
 * partners, resources, demands and projects; a rename reaches the copies of the unit's name. Service records keep no
 * path (V4): theirs is their activity's, so a move rewrites the few thousand rows that carry the subtree's shape, not its
 * hundred thousand records; audit entries keep their unit's id (V5), which a move does not change. Writes under a
 * dissolved unit are refused by the V3 triggers, which read {@code org_unit_snapshot.dissolved}.
 */
@ApplicationScoped
public class VolunteerTreeCopy implements OrgTreeCopy {

    private static final List<PathedTable> PATHED = List.of(
            PathedTable.of("volunteer", "org_path"),
            PathedTable.withCommunity("team", "org_path", "community_path"),
            PathedTable.of("activity", "org_path"),
            PathedTable.of("volunteer_year_hours", "org_path"),
            PathedTable.withCommunity("partner", "org_path", "community_path"),
            PathedTable.withCommunity("resource", "org_path", "community_path"),
            PathedTable.withCommunity("demand", "org_path", "community_path"),
            PathedTable.of("project", "org_path"));

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

    /** One statement per table for the whole batch (a catch-up renames hundreds of units per batch). */
    @Override
    public void renamed(List<RenamedUnit> units) {
        UUID[] ids = new UUID[units.size()];
        String[] names = new String[units.size()];
        String[] paths = new String[units.size()];
        for (int i = 0; i < units.size(); i++) {
            ids[i] = units.get(i).unitId();
            names[i] = units.get(i).name();
            paths[i] = units.get(i).path();
        }
        for (String table : NAMED) {
            db.update("update " + table + " t set org_unit_name = u.name from unnest(?::uuid[], ?::text[], ?::text[]) u (id, name, path)"
                    + " where t.org_path = u.path and t.org_unit_id = u.id and t.org_unit_name is distinct from u.name", ids, names, paths);
        }
    }
}
