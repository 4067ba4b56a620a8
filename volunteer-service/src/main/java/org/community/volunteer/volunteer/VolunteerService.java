package org.community.volunteer.volunteer;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.audit.AuditLog;
import org.community.volunteer.db.Where;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.volunteer.security.Caller;
import org.community.volunteer.security.Scope;

/** Registration, updates, real-name verification and lookups of volunteers. */
@ApplicationScoped
public class VolunteerService {

    /** {@code scope}: the subtrees the caller reads; {@code account}: the caller's own profile, shown besides. */
    public record Filter(OrgUnitRef within, String q, String skill, VerificationStatus status, Scope scope, String account) {
    }

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Db db;

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
        checkUnique(input, null);
        checkAccount(account, null);
        Volunteer volunteer = unverified(input, unit, account, Instant.now());
        volunteer.persistAndFlush();
        audit.record("volunteer.register", "volunteer", volunteer.id, volunteer.orgPath, AuditLog.summary("name", volunteer.name,
                "orgUnitId", volunteer.orgUnitId, "account", account, "self", !forSomeone));
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
        // deliberate SQL: thousands of rows go as one JDBC batch of multi-row inserts, without a persistence context
        db.batch("insert into volunteer (id, name, phone, id_number, gender, skills, availability, party_member_id, verification_status,"
                + " verification_note, org_unit_id, org_unit_name, org_path, verified_minutes, star_level, version, created_at, updated_at,"
                + " account) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.stream().map(v -> new Object[] { v.id,
                        v.name, v.phone, v.idNumber, v.gender, v.skills, v.availability, v.partyMemberId, v.verificationStatus,
                        v.verificationNote, v.orgUnitId, v.orgUnitName, v.orgPath, v.verifiedMinutes, v.starLevel, v.version, v.createdAt,
                        v.updatedAt, v.account }).toList());
        audit.recordAll(action, "volunteer", entries);
    }

    @Transactional
    public Volunteer update(UUID id, VolunteerInput input, String ifMatch) {
        Volunteer volunteer = Volunteer.<Volunteer>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("volunteer", id));
        boolean self = volunteer.account != null && volunteer.account.equals(caller.subject());
        boolean administered = caller.admin() && caller.adminScope().contains(volunteer.orgPath);
        caller.require(self || administered);
        Preconditions.requireMatch(ifMatch, volunteer.version);
        checkIdNumber(input.idNumber());
        checkUnique(input, id);
        OrgUnitRef unit = null;
        if (input.orgUnitId() != null) {
            unit = input.orgUnitId().equals(volunteer.orgUnitId)
                    ? new OrgUnitRef(volunteer.orgUnitId, volunteer.orgUnitName, null, volunteer.orgPath, null)
                    : orgUnits.require("orgUnitId", input.orgUnitId());
        }
        if (!self) {
            // an admin keeps or moves the volunteer only inside their own scope (the volunteer themself may move anywhere)
            caller.requireIn(caller.adminScope(), unit == null ? null : unit.path());
        }
        if (administered && input.account() != null && !input.account().equals(volunteer.account)) {
            String account = blankToNull(input.account());
            checkAccount(account, id);
            volunteer.account = account;
        }
        // a changed identity must be verified again
        boolean identityChanged = !input.name().trim().equals(volunteer.name) || !Objects.equals(input.idNumber(), volunteer.idNumber);
        if (identityChanged) {
            volunteer.verificationStatus = VerificationStatus.UNVERIFIED;
            volunteer.verificationNote = null;
        }
        fill(volunteer, input, unit);
        volunteer.updatedAt = Instant.now();
        volunteer.flush();
        // the yearly leaderboard follows the volunteer to the new unit (a set-wise update of the roll-up, as the ledger writes it)
        db.update("update volunteer_year_hours set org_path = ? where volunteer_id = ?", volunteer.orgPath, id);
        audit.record("volunteer.update", "volunteer", id, volunteer.orgPath, AuditLog.summary("name", volunteer.name,
                "orgUnitId", volunteer.orgUnitId, "account", volunteer.account, "verificationStatus", volunteer.verificationStatus,
                "self", self));
        return volunteer;
    }

    @Transactional
    public Volunteer verify(UUID id, VerificationInput input, String ifMatch) {
        Volunteer volunteer = Volunteer.<Volunteer>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("volunteer", id));
        caller.require(caller.admin());
        caller.requireIn(caller.adminScope(), volunteer.orgPath);
        Preconditions.checkMatch(ifMatch, volunteer.version);
        if (input.status() == VerificationStatus.UNVERIFIED) {
            throw ProblemException.badField("status", "verificationOutcome");
        }
        if (input.status() == VerificationStatus.VERIFIED && volunteer.idNumber == null) {
            throw ProblemException.invalidField("status", "verificationNeedsIdNumber");
        }
        volunteer.verificationStatus = input.status();
        volunteer.verificationNote = blankToNull(input.note());
        volunteer.updatedAt = Instant.now();
        volunteer.flush();
        audit.record("volunteer.verify", "volunteer", id, volunteer.orgPath, AuditLog.summary("verificationStatus", input.status(),
                "note", volunteer.verificationNote));
        return volunteer;
    }

    public Optional<Volunteer> find(UUID id) {
        return Volunteer.findByIdOptional(id);
    }

    public Optional<Volunteer> findByAccount(String account) {
        return Volunteer.find("account", account).firstResultOptional();
    }

    public List<Volunteer> search(Filter filter, PageRequest page) {
        return query(filter).page(page.page, page.size).list();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private static PanacheQuery<Volunteer> query(Filter filter) {
        String nameLike = filter.q() == null ? null
                : "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Where where = new Where().visible("orgPath", filter.scope(), "account = ?", filter.account()).within("orgPath", filter.within())
                .when("name like ? escape '\\'", nameLike).when("array_contains(skills, ?)", filter.skill())
                .equal("verificationStatus", filter.status());
        return Volunteer.find(where.hql(), Sort.by("createdAt").and("id"), where.params());
    }

    /** Which of these phones are registered already (one indexed lookup for a whole batch). */
    public Set<String> takenPhones(Collection<String> phones) {
        return taken("phone", phones);
    }

    public Set<String> takenIdNumbers(Collection<String> idNumbers) {
        return taken("id_number", idNumbers);
    }

    public Set<String> takenAccounts(Collection<String> accounts) {
        return taken("account", accounts);
    }

    /** Deliberate SQL for batch registration: one {@code = any (array)} lookup, however many values the batch holds. */
    private Set<String> taken(String column, Collection<String> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.list("select " + column + " from volunteer where " + column + " = any (?)", row -> row.getString(1),
                (Object) values.toArray(String[]::new)));
    }

    /** A new, unverified volunteer of the input (null {@code unit}: no unit), not yet stored. */
    static Volunteer unverified(VolunteerInput input, OrgUnitRef unit, String account, Instant now) {
        Volunteer volunteer = new Volunteer();
        fill(volunteer, input, unit);
        volunteer.verificationStatus = VerificationStatus.UNVERIFIED;
        volunteer.account = account;
        volunteer.createdAt = now;
        volunteer.updatedAt = now;
        return volunteer;
    }

    /** Name, contact, skills and unit from the input (null {@code unit}: no unit). */
    private static void fill(Volunteer volunteer, VolunteerInput input, OrgUnitRef unit) {
        volunteer.name = input.name().trim();
        volunteer.phone = input.phone();
        volunteer.idNumber = input.idNumber();
        volunteer.gender = input.gender();
        volunteer.skills = skills(input).toArray(String[]::new);
        volunteer.availability = blankToNull(input.availability());
        volunteer.partyMemberId = input.partyMemberId();
        volunteer.orgUnitId = unit == null ? null : unit.id();
        volunteer.orgUnitName = unit == null ? null : unit.name();
        volunteer.orgPath = unit == null ? null : unit.path();
    }

    private void checkUnique(VolunteerInput input, UUID self) {
        if (taken("phone", input.phone(), self)) {
            throw ProblemException.conflictOnField("phone", "phoneTaken", Masks.phone(input.phone()));
        }
        if (input.idNumber() != null && taken("idNumber", input.idNumber(), self)) {
            throw ProblemException.conflictOnField("idNumber", "idNumberTaken");
        }
    }

    private void checkAccount(String account, UUID self) {
        if (account != null && taken("account", account, self)) {
            throw ProblemException.conflictOnField("account", "accountTaken");
        }
    }

    /** Whether another volunteer than {@code self} (null: anyone) holds the value. */
    private static boolean taken(String attribute, String value, UUID self) {
        return self == null ? Volunteer.count(attribute, value) > 0 : Volunteer.count(attribute + " = ?1 and id <> ?2", value, self) > 0;
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
