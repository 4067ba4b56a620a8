package org.community.org.mobile;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.org.member.Member;
import org.community.org.member.MemberService;
import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;

/**
 * Outflows. The member stays in the origin unit (and its counters, flagged mobile) while the station sees them in
 * its lists and may record their attendance: "流出地管不到,流入地管不了" cannot happen.
 */
@ApplicationScoped
public class OutflowService {

    @Inject
    OutflowRepository outflows;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @Inject
    MemberService members;

    @Inject
    OrgUnitRepository units;

    @Transactional
    public UUID start(OutflowInput input) {
        caller.require(Access.ADMIN);
        Member member = members.lock(input.memberId());
        if (!member.status().isPartyMember()) {
            throw ProblemException.conflictOnField("memberId", "outflowNotMember", member.name(), member.status());
        }
        if (input.expectedReturnOn() != null && input.expectedReturnOn().isBefore(input.leftOn())) {
            throw ProblemException.invalidField("expectedReturnOn", "outflowReturnBeforeLeave");
        }
        Outflow outflow = new Outflow(member.id(), input.destinationCity().trim(), trim(input.destinationAddress()), input.reason().trim(),
                trim(input.contactPhone()), input.leftOn(), input.expectedReturnOn(), Instant.now());
        if (member.mobile() || !outflows.insert(outflow)) {
            throw ProblemException.conflictOnField("memberId", "outflowActive", member.name());
        }
        members.setMobile(member, true);
        audit.record("mobileMember.start", "mobileMember", outflow.id(), member.path(), input);
        return outflow.id();
    }

    @Transactional
    public void register(UUID id, Registration registration) {
        caller.require(Access.FIELD_WORK);
        Outflow outflow = open(id);
        OrgUnit station = units.lockAgainstMove(registration.stationUnitId())
                .orElseThrow(() -> ProblemException.invalidField("stationUnitId", "unitUnknown", registration.stationUnitId()));
        if (!caller.sees(station.path())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "forbidden.stationScope");
        }
        if (!station.isActive() || station.form() == null) {
            throw ProblemException.invalidField("stationUnitId", "stationNoOrganization", station.name());
        }
        if (registration.registeredOn().isBefore(outflow.leftOn())) {
            throw ProblemException.invalidField("registeredOn", "outflowRegisteredBeforeLeave", outflow.leftOn());
        }
        outflow.register(station.id(), registration.registeredOn(), Instant.now());
        outflows.flush();
        audit.record("mobileMember.register", "mobileMember", id, station.path(), registration);
    }

    @Transactional
    public void returned(UUID id, ReturnInput input) {
        caller.require(Access.ADMIN);
        Outflow outflow = outflows.lockForUpdate(id).orElseThrow(() -> ProblemException.notFound("outflow", id));
        Member member = members.lock(outflow.memberId());
        outflow = outflows.lockForUpdate(id).orElseThrow();
        if (outflow.returnedOn() != null) {
            throw ProblemException.conflict("outflowClosed");
        }
        if (input.returnedOn().isBefore(outflow.leftOn())) {
            throw ProblemException.invalidField("returnedOn", "outflowReturnBeforeLeave");
        }
        outflow.close(input.returnedOn(), Instant.now());
        outflows.flush();
        if (member.mobile()) {
            members.setMobile(member, false);
        }
        audit.record("mobileMember.return", "mobileMember", id, member.path(), input);
    }

    private Outflow open(UUID id) {
        Outflow outflow = outflows.lockForUpdate(id).orElseThrow(() -> ProblemException.notFound("outflow", id));
        if (outflow.returnedOn() != null) {
            throw ProblemException.conflict("outflowClosed");
        }
        return outflow;
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
