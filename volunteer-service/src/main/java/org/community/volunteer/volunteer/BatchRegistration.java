package org.community.volunteer.volunteer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.volunteer.audit.AuditLog;
import org.community.conventions.db.Ids;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.conventions.problem.ProblemException;
import org.community.conventions.problem.ProblemType;
import org.community.volunteer.security.Caller;

/**
 * Bulk registration (批量登记) by admin roles: a community registers the volunteers of a spreadsheet at once, with the
 * rules of a single registration, all or nothing.
 * <p>
 * Everything is checked before anything is written: each distinct org unit once with org-service (unknown or dissolved:
 * 422 on every item naming it; outside the caller's scope, i.e. none of the token's org units on its chain, or no unit
 * without being CITY_ADMIN: 403 for the batch),
 * every item on its own (the ID number's check character), the items against each other (the same phone, ID number or
 * account twice) and against the stored volunteers (one indexed query per kind for the whole batch). All findings come
 * back in one problem naming {@code volunteers[i].field}: 400 when the request is wrong in itself (a check character,
 * a duplicate inside the batch), else 422. Then one transaction writes the units' snapshot, the volunteers (one JDBC
 * batch) and one audit entry per volunteer (another JDBC batch). org-service is asked outside the transaction, so no
 * database row is locked while waiting for it.
 */
@ApplicationScoped
public class BatchRegistration {

    static final String ACTION = "volunteer.batch-register";

    @Inject
    VolunteerService service;

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    /** A finding about item {@code index}; {@code bad}: wrong in itself (400) rather than impossible with the stored data (422). */
    private record Finding(int index, boolean bad, ProblemException.Violation violation) {
    }

    /** Registers them all and answers their ids in input order, or registers none and throws one problem listing every finding. */
    public VolunteerBatchResult register(List<VolunteerInput> inputs) {
        caller.require(caller.admin());
        if (inputs.stream().anyMatch(input -> input.orgUnitId() == null)) {
            // as for one registration: only CITY_ADMIN registers someone in no unit
            caller.require(caller.cityAdmin());
        }
        Set<UUID> unitIds = new LinkedHashSet<>();
        inputs.forEach(input -> {
            if (input.orgUnitId() != null) {
                unitIds.add(input.orgUnitId());
            }
        });
        Map<UUID, OrgUnits.Resolved> units = orgUnits.lookupAll("volunteers", unitIds);
        for (OrgUnits.Resolved unit : units.values()) {
            if (unit.usable()) {
                caller.require(caller.administers(unit.chain().stream().map(OrgUnitRef::id).toList()));
            }
        }

        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> phones = new HashMap<>();
        Map<String, Integer> idNumbers = new HashMap<>();
        Map<String, Integer> accounts = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            VolunteerInput input = inputs.get(i);
            if (input.idNumber() != null && !IdNumbers.valid(input.idNumber())) {
                findings.add(bad(i, "idNumber", "idNumberChecksum"));
            }
            firstOccurrence(phones, input.phone(), i, "phone", findings);
            firstOccurrence(idNumbers, input.idNumber(), i, "idNumber", findings);
            firstOccurrence(accounts, VolunteerService.blankToNull(input.account()), i, "account", findings);
            OrgUnits.Resolved unit = input.orgUnitId() == null ? null : units.get(input.orgUnitId());
            if (unit != null && !unit.usable()) {
                findings.add(new Finding(i, false, new ProblemException.Violation(field(i, "orgUnitId"), unit.problemKey(), unit.problemArgs())));
            }
        }
        taken(service.takenPhones(phones.keySet()), phones, "phone", value -> new Object[] { Masks.phone(value) }, "phoneTaken", findings);
        taken(service.takenIdNumbers(idNumbers.keySet()), idNumbers, "idNumber", value -> new Object[0], "idNumberTaken", findings);
        taken(service.takenAccounts(accounts.keySet()), accounts, "account", value -> new Object[0], "accountTaken", findings);
        if (!findings.isEmpty()) {
            findings.sort(Comparator.comparingInt(Finding::index));
            boolean bad = findings.stream().anyMatch(Finding::bad);
            throw new ProblemException(bad ? ProblemType.VALIDATION : ProblemType.UNPROCESSABLE,
                    findings.stream().map(Finding::violation).toList(), "batchRejected", findings.size());
        }

        // time-ordered ids handed out in input order: lists sorted by (created_at, id) show the batch as it was sent
        List<UUID> ids = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ids.add(Ids.newId());
        }
        ids.sort(Comparator.naturalOrder());
        Instant now = Instant.now();
        List<Volunteer> rows = new ArrayList<>(inputs.size());
        List<AuditLog.Entry> entries = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            VolunteerInput input = inputs.get(i);
            OrgUnitRef unit = input.orgUnitId() == null ? null : units.get(input.orgUnitId()).unit();
            String account = VolunteerService.blankToNull(input.account());
            Volunteer volunteer = VolunteerService.unverified(input, unit, account, now);
            volunteer.id = ids.get(i);
            rows.add(volunteer);
            // no personal data: the unit, the linked account and where in which batch (the request id ties the batch together)
            entries.add(new AuditLog.Entry(volunteer.id, volunteer.orgPath, AuditLog.summary("orgUnitId", volunteer.orgUnitId,
                    "account", account, "position", i, "batchSize", inputs.size())));
        }
        service.storeBatch(units.values().stream().filter(OrgUnits.Resolved::usable).toList(), rows, ACTION, entries);
        return new VolunteerBatchResult(ids.size(), ids);
    }

    /** Remembers where a value first occurs; a later occurrence is a finding naming the first. */
    private static void firstOccurrence(Map<String, Integer> seen, String value, int index, String name, List<Finding> findings) {
        if (value == null) {
            return;
        }
        Integer first = seen.putIfAbsent(value, index);
        if (first != null) {
            findings.add(bad(index, name, "duplicateInBatch", String.valueOf(first)));
        }
    }

    /** A finding on the first item carrying each value that is registered already (later ones are duplicates anyway). */
    private static void taken(Set<String> taken, Map<String, Integer> firstIndex, String name, Function<String, Object[]> args, String key,
            List<Finding> findings) {
        for (String value : taken) {
            int index = Objects.requireNonNull(firstIndex.get(value));
            findings.add(new Finding(index, false, new ProblemException.Violation(field(index, name), key, args.apply(value))));
        }
    }

    private static Finding bad(int index, String name, String key, Object... args) {
        return new Finding(index, true, new ProblemException.Violation(field(index, name), key, args));
    }

    private static String field(int index, String name) {
        return "volunteers[" + index + "]." + name;
    }
}
