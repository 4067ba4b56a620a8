package org.community.volunteer.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.volunteer.audit.AuditLog;
import org.community.conventions.db.Ids;
import org.community.conventions.http.Preconditions;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.security.Caller;
import org.community.volunteer.team.Team;
import org.community.volunteer.team.TeamRepository;
import org.community.volunteer.team.TeamStatus;
import org.community.volunteer.volunteer.Volunteer;
import org.community.volunteer.volunteer.VolunteerRepository;

/**
 * Activities and sign-ups. Capacity is enforced under the activity's row lock: a sign-up past capacity
 * goes on the waitlist (not an error), and a cancellation promotes the oldest waitlisted sign-up. The
 * exclusion constraint on signup keeps one volunteer's live sign-ups from overlapping even across activities.
 */
@ApplicationScoped
public class ActivityService {

    static final Duration MAX_LENGTH = Duration.ofHours(24);

    @Inject
    ActivityRepository activities;

    @Inject
    TeamRepository teams;

    @Inject
    VolunteerRepository volunteers;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Transactional
    public Activity create(ActivityInput input) {
        caller.require(caller.volunteerWork());
        Team team = teams.find(input.teamId()).orElseThrow(() -> ProblemException.invalidField("teamId", "teamUnknown", input.teamId()));
        caller.requireIn(caller.workScope(), team.orgPath());
        if (team.status() != TeamStatus.ACTIVE) {
            throw ProblemException.invalidField("teamId", "teamDisbanded", team.name());
        }
        Instant now = Instant.now();
        Activity activity = new Activity(Ids.newId(), team.id(), team.orgPath(), input.title().trim(), input.category(),
                input.place().trim(), blank(input.description()), input.startsAt().toInstant(), input.endsAt().toInstant(),
                input.capacity(), skills(input), input.signupOpensAt() == null ? null : input.signupOpensAt().toInstant(),
                input.signupClosesAt() == null ? null : input.signupClosesAt().toInstant(), ActivityStatus.OPEN, CheckInCode.generate(),
                0, 0, 1, now, now);
        checkTimes(activity);
        activities.insert(activity);
        audit.record("activity.create", "activity", activity.id(), activity.orgPath(), AuditLog.summary("teamId", team.id(),
                "title", activity.title(), "startsAt", activity.startsAt().toString(), "endsAt", activity.endsAt().toString(),
                "capacity", activity.capacity()));
        return activity;
    }

    /**
     * Changes an activity. A larger capacity promotes waitlisted sign-ups at once; a capacity below the
     * confirmed count is refused (409) — cancel sign-ups first. New times move every live sign-up with it,
     * which the exclusion constraint refuses when a volunteer would then overlap another activity.
     */
    @Transactional
    public Activity update(UUID id, ActivityInput input, String ifMatch) {
        Activity current = activities.lock(id).orElseThrow(() -> ProblemException.notFound("activity", id));
        caller.requireIn(caller.workScope(), current.orgPath());
        Preconditions.requireMatch(ifMatch, current.version());
        if (current.status() != ActivityStatus.OPEN) {
            throw ProblemException.conflict("activityCancelled", current.title());
        }
        if (input.capacity() < current.confirmedCount()) {
            throw ProblemException.conflictOnField("capacity", "capacityBelowConfirmed", current.confirmedCount());
        }
        Activity changed = new Activity(id, current.teamId(), current.orgPath(), input.title().trim(), input.category(), input.place().trim(),
                blank(input.description()), input.startsAt().toInstant(), input.endsAt().toInstant(), input.capacity(), skills(input),
                input.signupOpensAt() == null ? null : input.signupOpensAt().toInstant(),
                input.signupClosesAt() == null ? null : input.signupClosesAt().toInstant(), ActivityStatus.OPEN, current.checkinCode(),
                current.confirmedCount(), current.waitlistCount(), current.version() + 1, current.createdAt(), Instant.now());
        checkTimes(changed);
        activities.update(changed);
        if (!changed.startsAt().equals(current.startsAt()) || !changed.endsAt().equals(current.endsAt())) {
            activities.moveSignupTimes(id, changed.startsAt(), changed.endsAt());
        }
        promote(changed);
        audit.record("activity.update", "activity", id, changed.orgPath(), AuditLog.summary("title", changed.title(),
                "startsAt", changed.startsAt().toString(), "endsAt", changed.endsAt().toString(), "capacity", changed.capacity()));
        return activities.find(id).orElseThrow();
    }

    @Transactional
    public Activity cancel(UUID id, String ifMatch) {
        Activity current = activities.lock(id).orElseThrow(() -> ProblemException.notFound("activity", id));
        caller.requireIn(caller.workScope(), current.orgPath());
        Preconditions.checkMatch(ifMatch, current.version());
        if (current.status() != ActivityStatus.OPEN) {
            throw ProblemException.conflict("activityCancelled", current.title());
        }
        Instant now = Instant.now();
        for (Signup signup : activities.liveSignups(id)) {
            activities.setSignupStatus(signup.id(), SignupStatus.CANCELLED, null, now);
        }
        Activity cancelled = new Activity(id, current.teamId(), current.orgPath(), current.title(), current.category(), current.place(),
                current.description(), current.startsAt(), current.endsAt(), current.capacity(), current.requiredSkills(),
                current.signupOpensAt(), current.signupClosesAt(), ActivityStatus.CANCELLED, current.checkinCode(), 0, 0,
                current.version() + 1, current.createdAt(), now);
        activities.update(cancelled);
        audit.record("activity.cancel", "activity", id, cancelled.orgPath(), AuditLog.summary("status", cancelled.status()));
        return cancelled;
    }

    @Transactional
    public String rotateCode(UUID id) {
        Activity current = activities.lock(id).orElseThrow(() -> ProblemException.notFound("activity", id));
        caller.requireIn(caller.workScope(), current.orgPath());
        String code = CheckInCode.generate();
        activities.update(new Activity(id, current.teamId(), current.orgPath(), current.title(), current.category(), current.place(),
                current.description(), current.startsAt(), current.endsAt(), current.capacity(), current.requiredSkills(),
                current.signupOpensAt(), current.signupClosesAt(), current.status(), code, current.confirmedCount(),
                current.waitlistCount(), current.version(), current.createdAt(), Instant.now()));
        // the code itself is a secret of the activity's screen: the entry only says it changed
        audit.record("activity.code.rotate", "activity", id, current.orgPath(), AuditLog.summary("rotated", true));
        return code;
    }

    /** Signs a volunteer up: CONFIRMED while places are left, WAITLISTED after. */
    @Transactional
    public Signup signUp(UUID activityId, SignupInput input) {
        Volunteer volunteer = volunteers.find(input.volunteerId())
                .orElseThrow(() -> ProblemException.invalidField("volunteerId", "volunteerUnknown", input.volunteerId()));
        Activity activity = activities.lock(activityId).orElseThrow(() -> ProblemException.notFound("activity", activityId));
        // volunteers sign themselves up; admin roles and team leaders sign up others for activities of their scope
        caller.require(caller.workScope().contains(activity.orgPath()) || caller.isSelf(volunteer.id()));
        Instant now = Instant.now();
        if (activity.status() != ActivityStatus.OPEN) {
            throw ProblemException.conflict("activityCancelled", activity.title());
        }
        if (activity.signupOpensAt() != null && now.isBefore(activity.signupOpensAt())) {
            throw ProblemException.conflict("signupNotOpen", activity.title());
        }
        if (!now.isBefore(activity.signupClose())) {
            throw ProblemException.conflict("signupClosed", activity.title());
        }
        List<String> missing = activity.requiredSkills().stream().filter(s -> !volunteer.skills().contains(s)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalidField("volunteerId", "skillsMissing", String.join(", ", missing));
        }
        if (activities.liveSignup(activityId, volunteer.id()).isPresent()) {
            throw ProblemException.conflictOnField("volunteerId", "alreadySignedUp", volunteer.name());
        }
        activities.overlapping(volunteer.id(), activity.startsAt(), activity.endsAt()).ifPresent(title -> {
            throw ProblemException.conflictOnField("volunteerId", "signupOverlaps", title);
        });
        boolean placeLeft = activity.confirmedCount() < activity.capacity();
        Signup signup = new Signup(Ids.newId(), 0, activityId, volunteer.id(), placeLeft ? SignupStatus.CONFIRMED : SignupStatus.WAITLISTED,
                now, null, null);
        activities.insertSignup(signup, activity.startsAt(), activity.endsAt());
        activities.setCounts(activityId, activity.confirmedCount() + (placeLeft ? 1 : 0), activity.waitlistCount() + (placeLeft ? 0 : 1));
        audit.record("signup.create", "signup", signup.id(), activity.orgPath(), AuditLog.summary("activityId", activityId,
                "volunteerId", volunteer.id(), "status", signup.status()));
        return activities.signup(signup.id()).orElseThrow();
    }

    /** Cancels a sign-up; a freed place goes to the oldest waitlisted sign-up. */
    @Transactional
    public Signup cancelSignup(UUID activityId, UUID signupId) {
        Activity activity = activities.lock(activityId).orElseThrow(() -> ProblemException.notFound("activity", activityId));
        Signup signup = activities.signup(signupId).filter(s -> s.activityId().equals(activityId))
                .orElseThrow(() -> ProblemException.notFound("signup", signupId));
        caller.require(caller.workScope().contains(activity.orgPath()) || caller.isSelf(signup.volunteerId()));
        if (signup.status() == SignupStatus.CANCELLED) {
            throw ProblemException.conflict("signupAlreadyCancelled");
        }
        if (activities.hasServiceRecord(activityId, signup.volunteerId())) {
            throw ProblemException.conflict("signupHasRecord");
        }
        activities.setSignupStatus(signupId, SignupStatus.CANCELLED, null, Instant.now());
        boolean wasConfirmed = signup.status() == SignupStatus.CONFIRMED;
        activities.setCounts(activityId, activity.confirmedCount() - (wasConfirmed ? 1 : 0),
                activity.waitlistCount() - (wasConfirmed ? 0 : 1));
        promote(activities.find(activityId).orElseThrow());
        audit.record("signup.cancel", "signup", signupId, activity.orgPath(), AuditLog.summary("activityId", activityId,
                "volunteerId", signup.volunteerId(), "previousStatus", signup.status()));
        return activities.signup(signupId).orElseThrow();
    }

    /** Fills free places from the waitlist, first come first served. Caller holds the activity lock. */
    private void promote(Activity activity) {
        int free = activity.capacity() - activity.confirmedCount();
        if (free <= 0 || activity.waitlistCount() == 0) {
            return;
        }
        List<Signup> next = activities.waitlistHead(activity.id(), free);
        Instant now = Instant.now();
        for (Signup signup : next) {
            activities.setSignupStatus(signup.id(), SignupStatus.CONFIRMED, now, null);
        }
        activities.setCounts(activity.id(), activity.confirmedCount() + next.size(), activity.waitlistCount() - next.size());
    }

    private static void checkTimes(Activity a) {
        if (!a.endsAt().isAfter(a.startsAt())) {
            throw ProblemException.badField("endsAt", "endsBeforeStart");
        }
        if (Duration.between(a.startsAt(), a.endsAt()).compareTo(MAX_LENGTH) > 0) {
            throw ProblemException.badField("endsAt", "activityTooLong");
        }
        if (a.signupOpensAt() != null && a.signupClosesAt() != null && !a.signupClosesAt().isAfter(a.signupOpensAt())) {
            throw ProblemException.badField("signupClosesAt", "signupWindowEmpty");
        }
        if (a.signupClosesAt() != null && a.signupClosesAt().isAfter(a.endsAt())) {
            throw ProblemException.badField("signupClosesAt", "signupClosesAfterEnd");
        }
    }

    private static List<String> skills(ActivityInput input) {
        return input.requiredSkills() == null ? List.of() : input.requiredSkills().stream().distinct().toList();
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
