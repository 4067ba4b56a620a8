package org.community.volunteer.hours;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.Times;
import org.community.volunteer.volunteer.Stars;

/**
 * Credits verified minutes to every roll-up in the verifying transaction: the volunteer's total and star
 * level, the volunteer's year, and the (team unit, year) counter that stats sum over a subtree.
 */
@ApplicationScoped
public class HoursLedger {

    @Inject
    Db db;

    public void credit(UUID volunteerId, String unitPath, Instant servedAt, int minutes) {
        int year = servedAt.atZone(Times.ZONE).getYear();
        // the volunteer's total and star level in one statement (x = x + ?) under the row lock it takes, with no read before it
        db.update("update volunteer set verified_minutes = verified_minutes + ?, star_level = "
                + Stars.sql("(verified_minutes + " + minutes + ")") + " where id = ?", minutes, volunteerId);
        db.update("insert into unit_year_hours (org_path, year, minutes, records) values (?, ?, ?, 1)"
                + " on conflict (year, org_path) do update set minutes = unit_year_hours.minutes + excluded.minutes,"
                + " records = unit_year_hours.records + 1", unitPath, year, minutes);
        db.update("insert into volunteer_year_hours (volunteer_id, year, org_path, minutes)"
                + " select id, ?, org_path, ? from volunteer where id = ?"
                + " on conflict (volunteer_id, year) do update set minutes = volunteer_year_hours.minutes + excluded.minutes,"
                + " org_path = excluded.org_path", year, minutes, volunteerId);
    }
}
