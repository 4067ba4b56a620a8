package org.community.org.dues;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;

/** The half-yearly remittance (按半年上缴) of a unit to the higher organization: once per unit and half, after the half. */
@ApplicationScoped
public class RemittanceService {

    @Inject
    DuesRepository dues;

    @Inject
    OrgUnitRepository units;

    @Inject
    DuesReports reports;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    DuesCalendar calendar;

    @Transactional
    public DuesViews.Remittance record(RemittanceInput input) {
        caller.require(Access.ADMIN);
        OrgUnit unit = units.lockAgainstMove(input.unitId())
                .orElseThrow(() -> ProblemException.invalidField("unitId", "unitUnknown", input.unitId()));
        caller.requireIn(Access.ADMIN, unit.path());
        java.time.YearMonth last = DuesReports.firstMonth(input.half()).plusMonths(5);
        if (!calendar.currentMonth().isAfter(last)) {
            throw ProblemException.invalidField("half", "duesHalfNotOver", input.half());
        }
        if (input.remittedOn().isBefore(last.plusMonths(1).atDay(1))) {
            throw ProblemException.invalidField("remittedOn", "duesRemittedEarly", last.plusMonths(1).atDay(1));
        }
        long received = reports.receivedIn(unit, input.half());
        Remittance remittance = new Remittance(unit.id(), input.half(), received, Money.fen(input.amount()), input.remittedOn(),
                input.toOrganization().trim(), input.note() == null || input.note().isBlank() ? null : input.note().trim(), caller.subject(),
                Instant.now());
        if (!dues.insertRemittance(remittance)) {
            throw ProblemException.conflictOnField("half", "duesRemittedAlready", unit.name(), input.half());
        }
        audit.record("dues.remittance", "orgUnit", unit.id(), unit.path(), Map.of("half", input.half(), "amount", input.amount(),
                "received", Money.yuan(received), "toOrganization", input.toOrganization().trim()));
        return reports.remittance(unit, input.half());
    }
}
