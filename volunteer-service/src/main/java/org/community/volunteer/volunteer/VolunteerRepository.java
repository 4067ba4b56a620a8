package org.community.volunteer.volunteer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.volunteer.db.Conditions;
import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.security.Scope;

@ApplicationScoped
public class VolunteerRepository {

    private static final String SELECT = "select " + Volunteer.COLUMNS + " from volunteer ";

    /** {@code scope}: the subtrees the caller reads; {@code account}: the caller's own profile, shown besides. */
    public record Filter(OrgUnitRef within, String q, String skill, VerificationStatus status, Scope scope, String account) {
    }

    @Inject
    Db db;

    public Optional<Volunteer> find(UUID id) {
        return db.one(SELECT + "where id = ?", Volunteer::map, id);
    }

    public Optional<Volunteer> lock(UUID id) {
        return db.one(SELECT + "where id = ? for update", Volunteer::map, id);
    }

    public Optional<Volunteer> findByAccount(String account) {
        return db.one(SELECT + "where account = ?", Volunteer::map, account);
    }

    public boolean phoneTaken(String phone, UUID except) {
        return db.count("select count(*) from volunteer where phone = ? and id <> ?", phone, except) > 0;
    }

    public boolean idNumberTaken(String idNumber, UUID except) {
        return idNumber != null && db.count("select count(*) from volunteer where id_number = ? and id <> ?", idNumber, except) > 0;
    }

    private static final String INSERT = "insert into volunteer (" + Volunteer.COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    public void insert(Volunteer v) {
        db.update(INSERT, columns(v));
    }

    /** Many volunteers in one JDBC batch (one round trip), in the caller's transaction. */
    public void insertAll(List<Volunteer> volunteers) {
        db.batch(INSERT, volunteers.stream().map(VolunteerRepository::columns).toList());
    }

    private static Object[] columns(Volunteer v) {
        return new Object[] { v.id(), v.name(), v.phone(), v.idNumber(), v.gender(), v.skills().toArray(String[]::new), v.availability(),
                v.partyMemberId(), v.verificationStatus(), v.verificationNote(), v.orgUnitId(), v.orgUnitName(), v.orgPath(),
                v.verifiedMinutes(), v.starLevel(), v.version(), v.createdAt(), v.updatedAt(), v.account() };
    }

    /** Which of these phones are registered already (one indexed lookup for all of them). */
    public Set<String> takenPhones(Collection<String> phones) {
        return taken("phone", phones);
    }

    public Set<String> takenIdNumbers(Collection<String> idNumbers) {
        return taken("id_number", idNumbers);
    }

    public Set<String> takenAccounts(Collection<String> accounts) {
        return taken("account", accounts);
    }

    private Set<String> taken(String column, Collection<String> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.list("select " + column + " from volunteer where " + column + " = any (?)", row -> row.getString(1),
                (Object) values.toArray(String[]::new)));
    }

    public void update(Volunteer v) {
        db.update("update volunteer set name = ?, phone = ?, id_number = ?, gender = ?, skills = ?, availability = ?,"
                + " party_member_id = ?, verification_status = ?, verification_note = ?, org_unit_id = ?, org_unit_name = ?,"
                + " org_path = ?, version = ?, updated_at = ?, account = ? where id = ?",
                v.name(), v.phone(), v.idNumber(), v.gender(), v.skills().toArray(String[]::new), v.availability(), v.partyMemberId(),
                v.verificationStatus(), v.verificationNote(), v.orgUnitId(), v.orgUnitName(), v.orgPath(), v.version(),
                v.updatedAt(), v.account(), v.id());
        // the yearly leaderboard follows the volunteer to the new unit
        db.update("update volunteer_year_hours set org_path = ? where volunteer_id = ?", v.orgPath(), v.id());
    }

    /** Adds verified minutes (negative to take them back) and recomputes the star level in the same statement. */
    public void addVerifiedMinutes(UUID id, long minutes) {
        db.update("update volunteer set verified_minutes = verified_minutes + ?, star_level = "
                + Stars.sql("(verified_minutes + " + minutes + ")") + " where id = ?", minutes, id);
    }

    public List<Volunteer> search(Filter filter, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list(SELECT + where + " order by created_at, id limit ? offset ?", Volunteer::map, args.toArray());
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) from volunteer " + where(filter, args), args.toArray());
    }

    private static String where(Filter filter, List<Object> args) {
        String nameLike = filter.q() == null ? null
                : "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return new Conditions(args).visible("org_path", filter.scope(), "account = ?", filter.account()).within("org_path", filter.within()).when("name like ?", nameLike)
                .when("skills @> ?", filter.skill() == null ? null : new String[] { filter.skill() })
                .equal("verification_status", filter.status()).sql();
    }
}
