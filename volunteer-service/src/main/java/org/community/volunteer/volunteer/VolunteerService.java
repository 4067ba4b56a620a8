package org.community.volunteer.volunteer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.volunteer.audit.AuditLog;
import org.community.conventions.db.Ids;
import org.community.conventions.http.Preconditions;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.security.Caller;

/** Registration, updates and real-name verification of volunteers. */
@ApplicationScoped
public class VolunteerService {

    @Inject
    VolunteerRepository volunteers;

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /**
     * Admin roles register a volunteer in a unit inside their scope (only CITY_ADMIN without a unit), with the
     * person's account when known; anyone else registers themself: the profile gets the caller's account, one per account.
     */
    @Transactional
    public Volunteer register(VolunteerInput input) {
        boolean forSomeone = caller.admin();
        String account = forSomeone ? blankToNull(input.account()) : caller.subject();
        if (!forSomeone && input.account() != null && !input.account().equals(caller.subject())) {
            throw Caller.forbidden();
        }
        if (forSomeone && input.orgUnitId() == null) {
            caller.require(caller.cityAdmin());
        }
        checkIdNumber(input.idNumber());
        OrgUnitRef unit = input.orgUnitId() == null ? null : orgUnits.require("orgUnitId", input.orgUnitId());
        if (forSomeone && unit != null) {
            caller.requireIn(caller.adminScope(), unit.path());
        }
        UUID id = Ids.newId();
        checkUnique(input, id);
        checkAccount(account, id);
        Instant now = Instant.now();
        Volunteer volunteer = new Volunteer(id, input.name().trim(), input.phone(), input.idNumber(), input.gender(), skills(input),
                blankToNull(input.availability()), input.partyMemberId(), VerificationStatus.UNVERIFIED, null,
                unit == null ? null : unit.id(), unit == null ? null : unit.name(), unit == null ? null : unit.path(), 0, 0, 1, now, now, account);
        volunteers.insert(volunteer);
        audit.record("volunteer.register", "volunteer", id, volunteer.orgPath(), AuditLog.summary("name", volunteer.name(),
                "orgUnitId", volunteer.orgUnitId(), "account", account, "self", !forSomeone));
        return volunteer;
    }

    /**
     * Writes a bulk registration that {@link BatchRegistration} has checked, in one transaction: the units' snapshot,
     * the volunteers (one JDBC batch) and their audit entries (another). A duplicate that slipped in between the check
     * and this write fails the whole batch on the unique indexes (409, nothing written).
     */
    @Transactional
    public void storeBatch(List<OrgUnits.Resolved> units, List<Volunteer> rows, String action, List<AuditLog.Entry> entries) {
        orgUnits.rememberAll(units);
        volunteers.insertAll(rows);
        audit.recordAll(action, "volunteer", entries);
    }

    @Transactional
    public Volunteer update(UUID id, VolunteerInput input, String ifMatch) {
        Volunteer current = volunteers.lock(id).orElseThrow(() -> ProblemException.notFound("volunteer", id));
        boolean self = current.account() != null && current.account().equals(caller.subject());
        boolean administered = caller.admin() && caller.adminScope().contains(current.orgPath());
        caller.require(self || administered);
        Preconditions.requireMatch(ifMatch, current.version());
        checkIdNumber(input.idNumber());
        checkUnique(input, id);
        OrgUnitRef unit = null;
        if (input.orgUnitId() != null) {
            unit = input.orgUnitId().equals(current.orgUnitId())
                    ? new OrgUnitRef(current.orgUnitId(), current.orgUnitName(), null, current.orgPath(), null)
                    : orgUnits.require("orgUnitId", input.orgUnitId());
        }
        if (!self) {
            // an admin keeps or moves the volunteer only inside their own scope (the volunteer themself may move anywhere)
            caller.requireIn(caller.adminScope(), unit == null ? null : unit.path());
        }
        String account = current.account();
        if (administered && input.account() != null && !input.account().equals(account)) {
            account = blankToNull(input.account());
            checkAccount(account, id);
        }
        // a changed identity must be verified again
        boolean identityChanged = !input.name().trim().equals(current.name())
                || !java.util.Objects.equals(input.idNumber(), current.idNumber());
        Volunteer changed = new Volunteer(id, input.name().trim(), input.phone(), input.idNumber(), input.gender(), skills(input),
                blankToNull(input.availability()), input.partyMemberId(),
                identityChanged ? VerificationStatus.UNVERIFIED : current.verificationStatus(),
                identityChanged ? null : current.verificationNote(), unit == null ? null : unit.id(), unit == null ? null : unit.name(),
                unit == null ? null : unit.path(), current.verifiedMinutes(), current.starLevel(), current.version() + 1,
                current.createdAt(), Instant.now(), account);
        volunteers.update(changed);
        audit.record("volunteer.update", "volunteer", id, changed.orgPath(), AuditLog.summary("name", changed.name(),
                "orgUnitId", changed.orgUnitId(), "account", account, "verificationStatus", changed.verificationStatus(), "self", self));
        return changed;
    }

    @Transactional
    public Volunteer verify(UUID id, VerificationInput input, String ifMatch) {
        Volunteer current = volunteers.lock(id).orElseThrow(() -> ProblemException.notFound("volunteer", id));
        caller.require(caller.admin());
        caller.requireIn(caller.adminScope(), current.orgPath());
        Preconditions.checkMatch(ifMatch, current.version());
        if (input.status() == VerificationStatus.UNVERIFIED) {
            throw ProblemException.badField("status", "verificationOutcome");
        }
        if (input.status() == VerificationStatus.VERIFIED && current.idNumber() == null) {
            throw ProblemException.invalidField("status", "verificationNeedsIdNumber");
        }
        Volunteer changed = new Volunteer(id, current.name(), current.phone(), current.idNumber(), current.gender(), current.skills(),
                current.availability(), current.partyMemberId(), input.status(), blankToNull(input.note()), current.orgUnitId(),
                current.orgUnitName(), current.orgPath(), current.verifiedMinutes(), current.starLevel(), current.version() + 1,
                current.createdAt(), Instant.now(), current.account());
        volunteers.update(changed);
        audit.record("volunteer.verify", "volunteer", id, changed.orgPath(), AuditLog.summary("verificationStatus", input.status(),
                "note", changed.verificationNote()));
        return changed;
    }

    private void checkUnique(VolunteerInput input, UUID id) {
        if (volunteers.phoneTaken(input.phone(), id)) {
            throw ProblemException.conflictOnField("phone", "phoneTaken", Masks.phone(input.phone()));
        }
        if (volunteers.idNumberTaken(input.idNumber(), id)) {
            throw ProblemException.conflictOnField("idNumber", "idNumberTaken");
        }
    }

    private void checkAccount(String account, UUID id) {
        if (account != null && volunteers.findByAccount(account).filter(v -> !v.id().equals(id)).isPresent()) {
            throw ProblemException.conflictOnField("account", "accountTaken");
        }
    }

    private static void checkIdNumber(String idNumber) {
        if (idNumber != null && !IdNumbers.valid(idNumber)) {
            throw ProblemException.badField("idNumber", "idNumberChecksum");
        }
    }

    static List<String> skills(VolunteerInput input) {
        return input.skills() == null ? List.of() : input.skills().stream().distinct().toList();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
