package org.community.volunteer.stats;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.Times;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.volunteer.Stars;

/**
 * Read models for an org unit's subtree. Nothing here touches service_record: verification keeps the
 * roll-ups unit_year_hours (per unit path and year) and volunteer_year_hours / volunteer.verified_minutes
 * current, so a community's figures are range scans over its few hundred units and its volunteers, however
 * many millions of records the city holds.
 */
@ApplicationScoped
public class StatsService {

    @Inject
    Db db;

    public UnitStats stats(OrgUnitRef unit) {
        String low = unit.path();
        String high = OrgUnitRef.upperBound(low);
        int year = Times.today().getYear();
        long teams = db.count("select count(*) from team where org_path >= ? and org_path < ? and status = 'ACTIVE'", low, high);
        long volunteers = db.count("select count(*) from volunteer where org_path >= ? and org_path < ?", low, high);
        long[] hours = db.one("select coalesce(sum(minutes), 0), coalesce(sum(records), 0) from unit_year_hours"
                + " where year = ? and org_path >= ? and org_path < ?", row -> new long[] { row.getLong(1), row.getLong(2) },
                year, low, high).orElseThrow();
        long projectsDone = db.count("select count(*) from project where org_path >= ? and org_path < ? and status = 'DONE'", low, high);
        long demandsOpen = db.count("select count(*) from demand where org_path >= ? and org_path < ? and status <> 'CLOSED'", low, high);
        return new UnitStats(unit.id(), unit.name(), year, teams, volunteers, Stars.hours(hours[0]), hours[1], projectsDone, demandsOpen);
    }

    public Leaderboard leaderboard(OrgUnitRef unit, Integer year, int size) {
        String low = unit.path();
        String high = OrgUnitRef.upperBound(low);
        List<LeaderboardEntry> entries = new ArrayList<>();
        if (year == null) {
            db.list("select id, name, verified_minutes, star_level from volunteer where org_path >= ? and org_path < ?"
                    + " and verified_minutes > 0 order by verified_minutes desc, id limit ?",
                    row -> entries.add(new LeaderboardEntry(entries.size() + 1, Db.uuid(row, "id"), row.getString("name"),
                            Stars.hours(row.getLong("verified_minutes")), row.getInt("star_level"))), low, high, size);
        } else {
            db.list("select h.volunteer_id, v.name, h.minutes, v.star_level from (select volunteer_id, minutes from volunteer_year_hours"
                    + " where year = ? and org_path >= ? and org_path < ? and minutes > 0 order by minutes desc, volunteer_id limit ?) h"
                    + " join volunteer v on v.id = h.volunteer_id order by h.minutes desc, h.volunteer_id",
                    row -> entries.add(new LeaderboardEntry(entries.size() + 1, Db.uuid(row, "volunteer_id"), row.getString("name"),
                            Stars.hours(row.getLong("minutes")), row.getInt("star_level"))), year, low, high, size);
        }
        return new Leaderboard(unit.id(), unit.name(), year, entries);
    }
}
