package org.community.volunteer.hours;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.volunteer.activity.ActivityStatus;
import org.community.volunteer.activity.SignupStatus;
import org.community.volunteer.audit.AuditLog;
import org.community.conventions.db.Db;
import org.community.conventions.db.Ids;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.security.Caller;
import org.community.volunteer.team.MemberRole;
import org.community.volunteer.team.TeamMember;

/**
 * Check-in, check-out and review. A record is created once per volunteer and activity (unique key, insert
 * on conflict do nothing), only for a confirmed sign-up, so check-ins can never exceed the capacity and a
 * retried or doubled check-in is refused rather than counted twice. Minutes are computed from the times,
 * clipped to the activity; a leader verifies (optionally adjusting), or rejects. Only verified minutes count.
 */
@ApplicationScoped
public class HoursService {

    @Inject
    ServiceRecordRepository records;

    @Inject
    HoursLedger ledger;

    @Inject
    Db db;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    CheckInConfig checkIn;

    @Transactional
    public ServiceRecord checkIn(UUID activityId, CheckInput input) {
        // FOR SHARE: check-ins run side by side, while a cancellation (FOR UPDATE) waits for them
        Shift activity = db.one(Shift.SELECT + " for share", Shift::map, activityId)
                .orElseThrow(() -> ProblemException.notFound("activity", activityId));
        CheckMethod method = authenticate(activity, input);
        Instant at = when(input, method);
        if (activity.status() != ActivityStatus.OPEN) {
            throw ProblemException.conflict("activityCancelled", activity.title());
        }
        if (at.isBefore(activity.startsAt().minus(Duration.ofMinutes(checkIn.earlyMinutes()))) || !at.isBefore(activity.endsAt())) {
            throw ProblemException.conflictOnField(method == CheckMethod.LEADER && input.at() != null ? "at" : "volunteerId",
                    "checkInOutsideWindow", checkIn.earlyMinutes());
        }
        SignupStatus signup = db.one("select status from signup where activity_id = ? and volunteer_id = ? and status <> 'CANCELLED'",
                row -> SignupStatus.valueOf(row.getString(1)), activityId, input.volunteerId()).orElse(null);
        if (signup == null) {
            throw ProblemException.conflictOnField("volunteerId", "notSignedUp");
        }
        if (signup != SignupStatus.CONFIRMED) {
            throw ProblemException.conflictOnField("volunteerId", "waitlistedCannotCheckIn");
        }
        ServiceRecord record = new ServiceRecord(Ids.newId(), activityId, input.volunteerId(), activity.teamId(), activity.orgPath(),
                RecordStatus.CHECKED_IN, at, null, method, null, null, null, null, null, null, null, 1, Instant.now());
        if (!records.insertOnce(record)) {
            throw ProblemException.conflictOnField("volunteerId", "alreadyCheckedIn");
        }
        audit.record("serviceRecord.checkIn", "serviceRecord", record.id(), record.orgPath(), AuditLog.summary("activityId", activityId,
                "volunteerId", record.volunteerId(), "method", method, "at", at.toString()));
        return record;
    }

    @Transactional
    public ServiceRecord checkOut(UUID activityId, CheckInput input) {
        Shift activity = db.one(Shift.SELECT, Shift::map, activityId)
                .orElseThrow(() -> ProblemException.notFound("activity", activityId));
        CheckMethod method = authenticate(activity, input);
        Instant at = when(input, method);
        ServiceRecord record = records.lockOf(activityId, input.volunteerId())
                .orElseThrow(() -> ProblemException.conflictOnField("volunteerId", "checkOutBeforeCheckIn"));
        if (record.status() != RecordStatus.CHECKED_IN) {
            throw ProblemException.conflictOnField("volunteerId", "alreadyCheckedOut");
        }
        if (at.isBefore(record.checkedInAt())) {
            throw ProblemException.invalidField("at", "checkOutBeforeCheckInTime");
        }
        if (at.isAfter(activity.endsAt().plus(Duration.ofMinutes(checkIn.lateCheckoutMinutes())))) {
            throw ProblemException.conflictOnField("volunteerId", "checkOutTooLate", checkIn.lateCheckoutMinutes());
        }
        Instant from = record.checkedInAt().isAfter(activity.startsAt()) ? record.checkedInAt() : activity.startsAt();
        Instant to = at.isBefore(activity.endsAt()) ? at : activity.endsAt();
        int minutes = (int) Math.max(0, Duration.between(from, to).toMinutes());
        ServiceRecord submitted = new ServiceRecord(record.id(), activityId, record.volunteerId(), record.teamId(), record.orgPath(),
                RecordStatus.SUBMITTED, record.checkedInAt(), at, record.checkInMethod(), method, minutes, null, null, null, null, null,
                record.version() + 1, record.createdAt());
        records.update(submitted);
        audit.record("serviceRecord.checkOut", "serviceRecord", record.id(), record.orgPath(), AuditLog.summary("activityId", activityId,
                "volunteerId", record.volunteerId(), "method", method, "at", at.toString(), "minutes", minutes));
        return submitted;
    }

    @Transactional
    public ServiceRecord verify(UUID id, ReviewInput input) {
        ServiceRecord record = records.lock(id).orElseThrow(() -> ProblemException.notFound("serviceRecord", id));
        caller.requireIn(caller.workScope(), record.orgPath());
        requireLeader(record.teamId(), input.leaderId());
        transition(record, RecordStatus.VERIFIED);
        Shift activity = db.one(Shift.SELECT, Shift::map, record.activityId())
                .orElseThrow();
        int minutes = input.minutes() == null ? record.minutes() : input.minutes();
        String reason = blank(input.reason());
        if (minutes > activity.lengthMinutes() && reason == null) {
            throw ProblemException.invalidField("minutes", "hoursExceedActivity", minutes, activity.lengthMinutes());
        }
        boolean adjusted = minutes != record.minutes();
        ServiceRecord verified = new ServiceRecord(id, record.activityId(), record.volunteerId(), record.teamId(), record.orgPath(),
                RecordStatus.VERIFIED, record.checkedInAt(), record.checkedOutAt(), record.checkInMethod(), record.checkOutMethod(),
                record.minutes(), minutes, adjusted ? reason : null, input.leaderId(), Instant.now(), adjusted ? null : reason,
                record.version() + 1, record.createdAt());
        records.update(verified);
        ledger.credit(record.volunteerId(), record.orgPath(), activity.startsAt(), minutes);
        audit.record("serviceRecord.verify", "serviceRecord", id, record.orgPath(), AuditLog.summary("leaderId", input.leaderId(),
                "minutes", minutes, "computedMinutes", record.minutes(), "reason", reason));
        return verified;
    }

    @Transactional
    public ServiceRecord reject(UUID id, ReviewInput input) {
        ServiceRecord record = records.lock(id).orElseThrow(() -> ProblemException.notFound("serviceRecord", id));
        caller.requireIn(caller.workScope(), record.orgPath());
        requireLeader(record.teamId(), input.leaderId());
        transition(record, RecordStatus.REJECTED);
        String reason = blank(input.reason());
        if (reason == null) {
            throw ProblemException.badField("reason", "rejectNeedsReason");
        }
        ServiceRecord rejected = new ServiceRecord(id, record.activityId(), record.volunteerId(), record.teamId(), record.orgPath(),
                RecordStatus.REJECTED, record.checkedInAt(), record.checkedOutAt(), record.checkInMethod(), record.checkOutMethod(),
                record.minutes(), null, null, input.leaderId(), Instant.now(), reason, record.version() + 1, record.createdAt());
        records.update(rejected);
        audit.record("serviceRecord.reject", "serviceRecord", id, record.orgPath(), AuditLog.summary("leaderId", input.leaderId(),
                "reason", reason));
        return rejected;
    }

    private static void transition(ServiceRecord record, RecordStatus next) {
        if (!record.status().mayBecome(next)) {
            throw ProblemException.conflict("recordTransition", record.status(), next);
        }
    }

    /** The volunteer with the activity's code, or a leader/deputy of the team; exactly one of them. */
    private CheckMethod authenticate(Shift activity, CheckInput input) {
        if ((input.code() == null) == (input.leaderId() == null)) {
            throw ProblemException.badField("code", "codeOrLeader");
        }
        if (input.code() != null) {
            if (input.at() != null) {
                throw ProblemException.badField("at", "atForLeadersOnly");
            }
            // the volunteer themself with the code (admin roles and team leaders of the scope may type it for them)
            caller.require(caller.workScope().contains(activity.orgPath()) || caller.isSelf(input.volunteerId()));
            if (!input.code().equals(activity.checkinCode())) {
                throw ProblemException.invalidField("code", "codeWrong");
            }
            return CheckMethod.CODE;
        }
        caller.requireIn(caller.workScope(), activity.orgPath());
        requireLeader(activity.teamId(), input.leaderId());
        return CheckMethod.LEADER;
    }

    private void requireLeader(UUID teamId, UUID leaderId) {
        MemberRole role = TeamMember.<TeamMember>findByIdOptional(new TeamMember.Key(teamId, leaderId)).map(m -> m.role).orElse(null);
        if (role != MemberRole.LEADER && role != MemberRole.DEPUTY) {
            throw ProblemException.invalidField("leaderId", "notTeamLeader");
        }
    }

    private static Instant when(CheckInput input, CheckMethod method) {
        Instant now = Instant.now();
        if (method == CheckMethod.LEADER && input.at() != null) {
            Instant at = input.at().toInstant();
            if (at.isAfter(now.plusSeconds(60))) {
                throw ProblemException.badField("at", "atInFuture");
            }
            return at;
        }
        return now;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
