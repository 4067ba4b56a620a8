package org.community.volunteer.activity;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.audit.AuditLog;
import org.community.volunteer.db.Where;
import org.community.volunteer.hours.ServiceRecordRepository;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.security.Caller;
import org.community.volunteer.team.Team;
import org.community.volunteer.team.TeamStatus;
import org.community.volunteer.volunteer.Volunteer;

/**
 * Activities and sign-ups. Capacity is enforced under the activity's row lock: a sign-up past capacity
 * goes on the waitlist (not an error), and a cancellation promotes the oldest waitlisted sign-up. The
 * exclusion constraint on signup keeps one volunteer's live sign-ups from overlapping even across activities.
 */
@ApplicationScoped
public class ActivityService {

    static final Duration MAX_LENGTH = Duration.ofHours(24);

    public record Filter(UUID teamId, OrgUnitRef within, String category, ActivityStatus status, Instant from, Instant to) {
    }

    /** A sign-up with its volunteer's name and, while waitlisted, its place in the queue. */
    public record SignupRow(Signup signup, String volunteerName, Integer position) {
    }

    @Inject
    ServiceRecordRepository records;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Transactional
    public Activity create(ActivityInput input) {
        caller.require(caller.volunteerWork());
        Team team = Team.<Team>findByIdOptional(input.teamId())
                .orElseThrow(() -> ProblemException.invalidField("teamId", "teamUnknown", input.teamId()));
        caller.requireIn(caller.workScope(), team.orgPath);
        if (team.status != TeamStatus.ACTIVE) {
            throw ProblemException.invalidField("teamId", "teamDisbanded", team.name);
        }
        checkTimes(input);
        Instant now = Instant.now();
        Activity activity = new Activity();
        activity.teamId = team.id;
        activity.orgPath = team.orgPath;
        fill(activity, input);
        activity.status = ActivityStatus.OPEN;
        activity.checkinCode = CheckInCode.generate();
        activity.createdAt = now;
        activity.updatedAt = now;
        activity.persistAndFlush();
        audit.record("activity.create", "activity", activity.id, activity.orgPath, AuditLog.summary("teamId", team.id,
                "title", activity.title, "startsAt", activity.startsAt.toString(), "endsAt", activity.endsAt.toString(),
                "capacity", activity.capacity));
        return activity;
    }

    /**
     * Changes an activity. A larger capacity promotes waitlisted sign-ups at once; a capacity below the
     * confirmed count is refused (409) — cancel sign-ups first. New times move every live sign-up with it,
     * which the exclusion constraint refuses when a volunteer would then overlap another activity.
     */
    @Transactional
    public Activity update(UUID id, ActivityInput input, String ifMatch) {
        Activity activity = lock(id);
        caller.requireIn(caller.workScope(), activity.orgPath);
        Preconditions.requireMatch(ifMatch, activity.version);
        if (activity.status != ActivityStatus.OPEN) {
            throw ProblemException.conflict("activityCancelled", activity.title);
        }
        if (input.capacity() < activity.confirmedCount) {
            throw ProblemException.conflictOnField("capacity", "capacityBelowConfirmed", activity.confirmedCount);
        }
        checkTimes(input);
        boolean moved = !input.startsAt().toInstant().equals(activity.startsAt) || !input.endsAt().toInstant().equals(activity.endsAt);
        fill(activity, input);
        activity.updatedAt = Instant.now();
        activity.flush();
        if (moved) {
            Signup.update("startsAt = ?1, endsAt = ?2 where activityId = ?3", activity.startsAt, activity.endsAt, id);
        }
        promote(activity);
        activity.flush();
        audit.record("activity.update", "activity", id, activity.orgPath, AuditLog.summary("title", activity.title,
                "startsAt", activity.startsAt.toString(), "endsAt", activity.endsAt.toString(), "capacity", activity.capacity));
        return activity;
    }

    @Transactional
    public Activity cancel(UUID id, String ifMatch) {
        Activity activity = lock(id);
        caller.requireIn(caller.workScope(), activity.orgPath);
        Preconditions.checkMatch(ifMatch, activity.version);
        if (activity.status != ActivityStatus.OPEN) {
            throw ProblemException.conflict("activityCancelled", activity.title);
        }
        Instant now = Instant.now();
        for (Signup signup : Signup.<Signup>list("activityId = ?1 and status <> ?2", id, SignupStatus.CANCELLED)) {
            signup.status = SignupStatus.CANCELLED;
            signup.cancelledAt = now;
        }
        activity.status = ActivityStatus.CANCELLED;
        activity.confirmedCount = 0;
        activity.waitlistCount = 0;
        activity.updatedAt = now;
        activity.flush();
        audit.record("activity.cancel", "activity", id, activity.orgPath, AuditLog.summary("status", activity.status));
        return activity;
    }

    @Transactional
    public String rotateCode(UUID id) {
        Activity activity = lock(id);
        caller.requireIn(caller.workScope(), activity.orgPath);
        String code = CheckInCode.generate();
        // a bulk update, which leaves the version alone: a new code is no change a client's If-Match should trip over
        Activity.update("checkinCode = ?1, updatedAt = ?2 where id = ?3", code, Instant.now(), id);
        // the code itself is a secret of the activity's screen: the entry only says it changed
        audit.record("activity.code.rotate", "activity", id, activity.orgPath, AuditLog.summary("rotated", true));
        return code;
    }

    /** Signs a volunteer up: CONFIRMED while places are left, WAITLISTED after. */
    @Transactional
    public Signup signUp(UUID activityId, SignupInput input) {
        Volunteer volunteer = Volunteer.<Volunteer>findByIdOptional(input.volunteerId())
                .orElseThrow(() -> ProblemException.invalidField("volunteerId", "volunteerUnknown", input.volunteerId()));
        Activity activity = lock(activityId);
        // volunteers sign themselves up; admin roles and team leaders sign up others for activities of their scope
        caller.require(caller.workScope().contains(activity.orgPath) || caller.isSelf(volunteer.id));
        Instant now = Instant.now();
        if (activity.status != ActivityStatus.OPEN) {
            throw ProblemException.conflict("activityCancelled", activity.title);
        }
        if (activity.signupOpensAt != null && now.isBefore(activity.signupOpensAt)) {
            throw ProblemException.conflict("signupNotOpen", activity.title);
        }
        if (!now.isBefore(activity.signupClose())) {
            throw ProblemException.conflict("signupClosed", activity.title);
        }
        List<String> skills = List.of(volunteer.skills);
        List<String> missing = List.of(activity.requiredSkills).stream().filter(s -> !skills.contains(s)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalidField("volunteerId", "skillsMissing", String.join(", ", missing));
        }
        if (Signup.count("activityId = ?1 and volunteerId = ?2 and status <> ?3", activityId, volunteer.id, SignupStatus.CANCELLED) > 0) {
            throw ProblemException.conflictOnField("volunteerId", "alreadySignedUp", volunteer.name);
        }
        overlapping(volunteer.id, activity.startsAt, activity.endsAt).ifPresent(title -> {
            throw ProblemException.conflictOnField("volunteerId", "signupOverlaps", title);
        });
        boolean placeLeft = activity.confirmedCount < activity.capacity;
        Signup signup = new Signup();
        signup.activityId = activityId;
        signup.volunteerId = volunteer.id;
        signup.status = placeLeft ? SignupStatus.CONFIRMED : SignupStatus.WAITLISTED;
        signup.startsAt = activity.startsAt;
        signup.endsAt = activity.endsAt;
        signup.createdAt = now;
        signup.persist();
        if (placeLeft) {
            activity.confirmedCount++;
        } else {
            activity.waitlistCount++;
        }
        activity.flush();
        audit.record("signup.create", "signup", signup.id, activity.orgPath, AuditLog.summary("activityId", activityId,
                "volunteerId", volunteer.id, "status", signup.status));
        return signup;
    }

    /** Cancels a sign-up; a freed place goes to the oldest waitlisted sign-up. */
    @Transactional
    public Signup cancelSignup(UUID activityId, UUID signupId) {
        Activity activity = lock(activityId);
        Signup signup = Signup.<Signup>findByIdOptional(signupId).filter(s -> s.activityId.equals(activityId))
                .orElseThrow(() -> ProblemException.notFound("signup", signupId));
        caller.require(caller.workScope().contains(activity.orgPath) || caller.isSelf(signup.volunteerId));
        if (signup.status == SignupStatus.CANCELLED) {
            throw ProblemException.conflict("signupAlreadyCancelled");
        }
        if (records.exists(activityId, signup.volunteerId)) {
            throw ProblemException.conflict("signupHasRecord");
        }
        SignupStatus previous = signup.status;
        signup.status = SignupStatus.CANCELLED;
        signup.cancelledAt = Instant.now();
        if (previous == SignupStatus.CONFIRMED) {
            activity.confirmedCount--;
        } else {
            activity.waitlistCount--;
        }
        promote(activity);
        activity.flush();
        audit.record("signup.cancel", "signup", signupId, activity.orgPath, AuditLog.summary("activityId", activityId,
                "volunteerId", signup.volunteerId, "previousStatus", previous));
        return signup;
    }

    public Optional<Activity> find(UUID id) {
        return Activity.findByIdOptional(id);
    }

    public List<Activity> search(Filter filter, PageRequest page) {
        return query(filter).page(page.page, page.size).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private static PanacheQuery<Activity> query(Filter filter) {
        Where where = new Where().equal("teamId", filter.teamId()).within("orgPath", filter.within()).equal("category", filter.category())
                .equal("status", filter.status()).when("endsAt > ?", filter.from()).when("startsAt < ?", filter.to());
        return Activity.find(where.hql(), Sort.by("startsAt").and("id"), where.params());
    }

    public Optional<Signup> signup(UUID activityId, UUID signupId) {
        return Signup.<Signup>findByIdOptional(signupId).filter(s -> s.activityId.equals(activityId));
    }

    /** Place in the waitlist, from 1. */
    public int waitlistPosition(Signup signup) {
        return (int) Signup.count("activityId = ?1 and status = ?2 and seq <= ?3", signup.activityId, SignupStatus.WAITLISTED, signup.seq);
    }

    /** Confirmed first, then the waitlist in its order, then the cancelled; each with the volunteer's name. */
    public List<SignupRow> signups(UUID activityId, SignupStatus status, PageRequest page) {
        Where where = new Where().equal("s.activityId", activityId).equal("s.status", status);
        var query = Panache.getEntityManager().createQuery("select s, v.name, case when s.status = ?" + (where.params().length + 1)
                + " then row_number() over (partition by s.status order by s.seq) end from Signup s join Volunteer v on v.id = s.volunteerId"
                + " where " + where.hql() + " order by case s.status when org.community.volunteer.activity.SignupStatus.CONFIRMED then 0"
                + " when org.community.volunteer.activity.SignupStatus.WAITLISTED then 1 else 2 end, s.seq", Object[].class);
        Object[] params = where.params();
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.setParameter(params.length + 1, SignupStatus.WAITLISTED).setFirstResult((int) page.offset()).setMaxResults(page.size)
                .getResultList().stream()
                .map(row -> new SignupRow((Signup) row[0], (String) row[1], row[2] == null ? null : ((Number) row[2]).intValue())).toList();
    }

    public long countSignups(UUID activityId, SignupStatus status) {
        Where where = new Where().equal("activityId", activityId).equal("status", status);
        return Signup.count(where.hql(), where.params());
    }

    /** A volunteer's sign-ups, latest activity first. */
    public List<Signup> signupsOfVolunteer(UUID volunteerId, PageRequest page) {
        return Signup.<Signup>find("volunteerId", Sort.by("startsAt", Sort.Direction.Descending).and("id"), volunteerId)
                .page(page.page, page.size).list();
    }

    public long countSignupsOfVolunteer(UUID volunteerId) {
        return Signup.count("volunteerId", volunteerId);
    }

    /**
     * The activity under its row lock: every sign-up, cancellation and capacity change of one activity runs one at a
     * time behind it, so the confirmed count can never pass the capacity and the waitlist order holds.
     */
    private static Activity lock(UUID id) {
        return Activity.<Activity>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("activity", id));
    }

    /** The title of another activity whose live sign-up overlaps [startsAt, endsAt) for this volunteer, if any. */
    private static Optional<String> overlapping(UUID volunteerId, Instant startsAt, Instant endsAt) {
        return Panache.getEntityManager().createQuery("select a.title from Signup s join Activity a on a.id = s.activityId"
                + " where s.volunteerId = ?1 and s.status <> ?2 and s.startsAt < ?3 and s.endsAt > ?4", String.class)
                .setParameter(1, volunteerId).setParameter(2, SignupStatus.CANCELLED).setParameter(3, endsAt).setParameter(4, startsAt)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** Fills free places from the waitlist, first come first served. Caller holds the activity lock. */
    private static void promote(Activity activity) {
        int free = activity.capacity - activity.confirmedCount;
        if (free <= 0 || activity.waitlistCount == 0) {
            return;
        }
        List<Signup> next = Signup.<Signup>find("activityId = ?1 and status = ?2", Sort.by("seq"), activity.id, SignupStatus.WAITLISTED)
                .page(Page.ofSize(free)).list();
        Instant now = Instant.now();
        for (Signup signup : next) {
            signup.status = SignupStatus.CONFIRMED;
            signup.promotedAt = now;
        }
        activity.confirmedCount += next.size();
        activity.waitlistCount -= next.size();
    }

    private static void fill(Activity activity, ActivityInput input) {
        activity.title = input.title().trim();
        activity.category = input.category();
        activity.place = input.place().trim();
        activity.description = blank(input.description());
        activity.startsAt = input.startsAt().toInstant();
        activity.endsAt = input.endsAt().toInstant();
        activity.capacity = input.capacity();
        activity.requiredSkills = skills(input).toArray(String[]::new);
        activity.signupOpensAt = instant(input.signupOpensAt());
        activity.signupClosesAt = instant(input.signupClosesAt());
    }

    /** Checked before the input touches an entity, so a wrong time is a 400 naming the field and never reaches the table's checks. */
    private static void checkTimes(ActivityInput input) {
        Instant startsAt = input.startsAt().toInstant();
        Instant endsAt = input.endsAt().toInstant();
        Instant opensAt = instant(input.signupOpensAt());
        Instant closesAt = instant(input.signupClosesAt());
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.badField("endsAt", "endsBeforeStart");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw ProblemException.badField("endsAt", "activityTooLong");
        }
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            throw ProblemException.badField("signupClosesAt", "signupWindowEmpty");
        }
        if (closesAt != null && closesAt.isAfter(endsAt)) {
            throw ProblemException.badField("signupClosesAt", "signupClosesAfterEnd");
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static List<String> skills(ActivityInput input) {
        return input.requiredSkills() == null ? List.of() : input.requiredSkills().stream().distinct().toList();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
