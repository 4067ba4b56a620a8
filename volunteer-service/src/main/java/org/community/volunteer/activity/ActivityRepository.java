package org.community.volunteer.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.volunteer.db.Conditions;
import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.volunteer.orgunit.OrgUnitRef;

@ApplicationScoped
public class ActivityRepository {

    private static final String SELECT = "select " + Activity.COLUMNS + " from activity ";
    private static final String SIGNUP_SELECT = "select " + Signup.COLUMNS + " from signup ";

    public record Filter(UUID teamId, OrgUnitRef within, String category, ActivityStatus status, Instant from, Instant to) {
    }

    @Inject
    Db db;

    public Optional<Activity> find(UUID id) {
        return db.one(SELECT + "where id = ?", Activity::map, id);
    }

    /**
     * Locks the activity row: every sign-up, cancellation and capacity change of one activity runs one at a
     * time behind this lock, so the confirmed count can never pass the capacity and the waitlist order holds.
     */
    public Optional<Activity> lock(UUID id) {
        return db.one(SELECT + "where id = ? for update", Activity::map, id);
    }

    public void insert(Activity a) {
        db.update("insert into activity (" + Activity.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.teamId(), a.orgPath(), a.title(), a.category(), a.place(), a.description(), a.startsAt(), a.endsAt(),
                a.capacity(), a.requiredSkills().toArray(String[]::new), a.signupOpensAt(), a.signupClosesAt(), a.status(),
                a.checkinCode(), a.confirmedCount(), a.waitlistCount(), a.version(), a.createdAt(), a.updatedAt());
    }

    public void update(Activity a) {
        db.update("update activity set title = ?, category = ?, place = ?, description = ?, starts_at = ?, ends_at = ?, capacity = ?,"
                + " required_skills = ?, signup_opens_at = ?, signup_closes_at = ?, status = ?, checkin_code = ?, confirmed_count = ?,"
                + " waitlist_count = ?, version = ?, updated_at = ? where id = ?", a.title(), a.category(), a.place(), a.description(),
                a.startsAt(), a.endsAt(), a.capacity(), a.requiredSkills().toArray(String[]::new), a.signupOpensAt(), a.signupClosesAt(),
                a.status(), a.checkinCode(), a.confirmedCount(), a.waitlistCount(), a.version(), a.updatedAt(), a.id());
    }

    public void setCounts(UUID id, int confirmed, int waitlisted) {
        db.update("update activity set confirmed_count = ?, waitlist_count = ? where id = ?", confirmed, waitlisted, id);
    }

    public List<Activity> search(Filter filter, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list(SELECT + where + " order by starts_at, id limit ? offset ?", Activity::map, args.toArray());
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) from activity " + where(filter, args), args.toArray());
    }

    private static String where(Filter filter, List<Object> args) {
        return new Conditions(args).equal("team_id", filter.teamId()).within("org_path", filter.within())
                .equal("category", filter.category()).equal("status", filter.status())
                .when("ends_at > ?", filter.from()).when("starts_at < ?", filter.to()).sql();
    }

    // ---- sign-ups ----

    public Optional<Signup> signup(UUID id) {
        return db.one(SIGNUP_SELECT + "where id = ?", Signup::map, id);
    }

    public Optional<Signup> liveSignup(UUID activityId, UUID volunteerId) {
        return db.one(SIGNUP_SELECT + "where activity_id = ? and volunteer_id = ? and status <> 'CANCELLED'", Signup::map, activityId,
                volunteerId);
    }

    /** The title of another activity whose live sign-up overlaps [startsAt, endsAt) for this volunteer, if any. */
    public Optional<String> overlapping(UUID volunteerId, Instant startsAt, Instant endsAt) {
        return db.one("select a.title from signup s join activity a on a.id = s.activity_id where s.volunteer_id = ?"
                + " and s.status <> 'CANCELLED' and tstzrange(s.starts_at, s.ends_at) && tstzrange(?, ?) limit 1",
                row -> row.getString(1), volunteerId, startsAt, endsAt);
    }

    public void insertSignup(Signup s, Instant startsAt, Instant endsAt) {
        long seq = db.count("insert into signup (id, activity_id, volunteer_id, status, starts_at, ends_at, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?) returning seq", s.id(), s.activityId(), s.volunteerId(), s.status(), startsAt, endsAt,
                s.createdAt());
        if (seq <= 0) {
            throw new IllegalStateException("no sequence for sign-up " + s.id());
        }
    }

    public void setSignupStatus(UUID id, SignupStatus status, Instant promotedAt, Instant cancelledAt) {
        db.update("update signup set status = ?, promoted_at = coalesce(?, promoted_at), cancelled_at = coalesce(?, cancelled_at)"
                + " where id = ?", status, promotedAt, cancelledAt, id);
    }

    /** The first waitlisted sign-ups, oldest first: the next to be promoted. */
    public List<Signup> waitlistHead(UUID activityId, int count) {
        return db.list(SIGNUP_SELECT + "where activity_id = ? and status = 'WAITLISTED' order by seq limit ?", Signup::map, activityId,
                count);
    }

    public int waitlistPosition(Signup s) {
        return (int) db.count("select count(*) from signup where activity_id = ? and status = 'WAITLISTED' and seq <= ?",
                s.activityId(), s.seq());
    }

    public record SignupRow(Signup signup, String volunteerName, Integer position) {
    }

    public List<SignupRow> signups(UUID activityId, SignupStatus status, PageRequest page) {
        return db.list("select s.id, s.seq, s.activity_id, s.volunteer_id, s.status, s.created_at, s.promoted_at, s.cancelled_at,"
                + " v.name, case when s.status = 'WAITLISTED' then row_number() over (partition by s.status order by s.seq) end as position"
                + " from signup s join volunteer v on v.id = s.volunteer_id where s.activity_id = ? and (?::text is null or s.status = ?)"
                + " order by case s.status when 'CONFIRMED' then 0 when 'WAITLISTED' then 1 else 2 end, s.seq limit ? offset ?",
                row -> {
                    int position = row.getInt("position");
                    return new SignupRow(Signup.map(row), row.getString("name"), row.wasNull() ? null : position);
                }, activityId, status, status, page.size, page.offset());
    }

    public long countSignups(UUID activityId, SignupStatus status) {
        return db.count("select count(*) from signup where activity_id = ? and (?::text is null or status = ?)", activityId, status,
                status);
    }

    public List<SignupRow> signupsOfVolunteer(UUID volunteerId, PageRequest page) {
        return db.list("select " + Signup.COLUMNS + " from signup where volunteer_id = ? order by starts_at desc, id limit ? offset ?",
                row -> new SignupRow(Signup.map(row), null, null), volunteerId, page.size, page.offset());
    }

    public long countSignupsOfVolunteer(UUID volunteerId) {
        return db.count("select count(*) from signup where volunteer_id = ?", volunteerId);
    }

    public List<Signup> liveSignups(UUID activityId) {
        return db.list(SIGNUP_SELECT + "where activity_id = ? and status <> 'CANCELLED'", Signup::map, activityId);
    }

    public void moveSignupTimes(UUID activityId, Instant startsAt, Instant endsAt) {
        db.update("update signup set starts_at = ?, ends_at = ? where activity_id = ?", startsAt, endsAt, activityId);
    }

    public boolean hasServiceRecord(UUID activityId, UUID volunteerId) {
        return db.count("select count(*) from service_record where activity_id = ? and volunteer_id = ?", activityId, volunteerId) > 0;
    }
}
