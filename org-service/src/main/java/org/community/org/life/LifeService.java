package org.community.org.life;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;

/** Records meetings with their attendance, all or nothing. */
@ApplicationScoped
public class LifeService {

    @Inject
    LifeRepository life;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @Inject
    OrgUnitRepository units;

    @Transactional
    public UUID record(MeetingInput input) {
        caller.require(Access.ADMIN);
        OrgUnit unit = units.lockAgainstMove(input.unitId())
                .orElseThrow(() -> ProblemException.invalidField("unitId", "unitUnknown", input.unitId()));
        caller.requireIn(Access.ADMIN, unit.path());
        if (!unit.isActive() || unit.form() == null) {
            throw ProblemException.invalidField("unitId", "meetingNoOrganization", unit.name());
        }
        if (unit.establishedOn() != null && input.heldOn().isBefore(unit.establishedOn())) {
            throw ProblemException.invalidField("heldOn", "meetingBeforeEstablished", unit.establishedOn());
        }
        List<UUID> ids = input.attendance().stream().map(MeetingInput.Attendee::memberId).toList();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                throw ProblemException.badField("attendance[" + i + "].memberId", "attendanceDuplicate", ids.get(i));
            }
        }
        Set<UUID> eligible = new HashSet<>(ids.isEmpty() ? List.of() : life.eligible(ids, unit.path()));
        for (int i = 0; i < ids.size(); i++) {
            if (!eligible.contains(ids.get(i))) {
                throw ProblemException.invalidField("attendance[" + i + "].memberId", "attendanceOtherUnit", ids.get(i), unit.name());
            }
        }
        BigDecimal credits = input.creditHours() == null ? life.defaultCredits(input.type()) : input.creditHours();
        Meeting meeting = new Meeting(unit.id(), input.type(), input.heldOn(), input.topic().trim(), credits, Instant.now());
        for (MeetingInput.Attendee attendee : input.attendance()) {
            meeting.attend(attendee.memberId(), attendee.presence());
        }
        life.insert(meeting);
        // The audit log is written through Db (raw JDBC in this transaction): the meeting and its attendance go first.
        life.flush();
        UUID id = meeting.id();
        audit.record("orgLife.meeting", "meeting", id, unit.path(), java.util.Map.of("unitId", unit.id().toString(), "type", input.type(),
                "heldOn", input.heldOn().toString(), "topic", input.topic().trim(), "attendees", input.attendance().size()));
        return id;
    }
}
