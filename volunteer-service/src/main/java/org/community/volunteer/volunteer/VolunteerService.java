package org.community.volunteer.volunteer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.volunteer.db.Ids;
import org.community.volunteer.http.Preconditions;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.volunteer.problem.ProblemException;

/** Registration, updates and real-name verification of volunteers. */
@ApplicationScoped
public class VolunteerService {

    @Inject
    VolunteerRepository volunteers;

    @Inject
    OrgUnits orgUnits;

    @Transactional
    public Volunteer register(VolunteerInput input) {
        checkIdNumber(input.idNumber());
        OrgUnitRef unit = input.orgUnitId() == null ? null : orgUnits.require("orgUnitId", input.orgUnitId());
        UUID id = Ids.newId();
        checkUnique(input, id);
        Instant now = Instant.now();
        Volunteer volunteer = new Volunteer(id, input.name().trim(), input.phone(), input.idNumber(), input.gender(), skills(input),
                blankToNull(input.availability()), input.partyMemberId(), VerificationStatus.UNVERIFIED, null,
                unit == null ? null : unit.id(), unit == null ? null : unit.name(), unit == null ? null : unit.path(), 0, 0, 1, now, now);
        volunteers.insert(volunteer);
        return volunteer;
    }

    @Transactional
    public Volunteer update(UUID id, VolunteerInput input, String ifMatch) {
        Volunteer current = volunteers.lock(id).orElseThrow(() -> ProblemException.notFound("volunteer", id));
        Preconditions.requireMatch(ifMatch, current.version());
        checkIdNumber(input.idNumber());
        checkUnique(input, id);
        OrgUnitRef unit = null;
        if (input.orgUnitId() != null) {
            unit = input.orgUnitId().equals(current.orgUnitId())
                    ? new OrgUnitRef(current.orgUnitId(), current.orgUnitName(), null, current.orgPath(), null)
                    : orgUnits.require("orgUnitId", input.orgUnitId());
        }
        // a changed identity must be verified again
        boolean identityChanged = !input.name().trim().equals(current.name())
                || !java.util.Objects.equals(input.idNumber(), current.idNumber());
        Volunteer changed = new Volunteer(id, input.name().trim(), input.phone(), input.idNumber(), input.gender(), skills(input),
                blankToNull(input.availability()), input.partyMemberId(),
                identityChanged ? VerificationStatus.UNVERIFIED : current.verificationStatus(),
                identityChanged ? null : current.verificationNote(), unit == null ? null : unit.id(), unit == null ? null : unit.name(),
                unit == null ? null : unit.path(), current.verifiedMinutes(), current.starLevel(), current.version() + 1,
                current.createdAt(), Instant.now());
        volunteers.update(changed);
        return changed;
    }

    @Transactional
    public Volunteer verify(UUID id, VerificationInput input, String ifMatch) {
        Volunteer current = volunteers.lock(id).orElseThrow(() -> ProblemException.notFound("volunteer", id));
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
                current.createdAt(), Instant.now());
        volunteers.update(changed);
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

    private static void checkIdNumber(String idNumber) {
        if (idNumber != null && !IdNumbers.valid(idNumber)) {
            throw ProblemException.badField("idNumber", "idNumberChecksum");
        }
    }

    private static List<String> skills(VolunteerInput input) {
        return input.skills() == null ? List.of() : input.skills().stream().distinct().toList();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
