package org.community.volunteer.demand;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.volunteer.audit.AuditLog;
import org.community.volunteer.db.Conditions;
import org.community.conventions.db.Db;
import org.community.conventions.db.Ids;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.volunteer.partner.PartnerService;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.security.Caller;
import org.community.volunteer.security.Disclosure;
import org.community.volunteer.security.Roles;
import org.community.volunteer.security.Scope;
import org.community.volunteer.volunteer.Masks;
import org.community.volunteer.volunteer.Volunteer;

/** Demands and their matching ("群众点单 → 中心派单"): teams and resources of the same community that fit. */
@ApplicationScoped
public class DemandService {

    static final String COLUMNS = "id, title, description, category, urgency, place, required_skills, requester_name, requester_phone,"
            + " org_unit_id, org_unit_name, status, closed_by_project, version, created_at, updated_at, org_path, submitted_by";

    /** {@code scope}: the subtrees the caller reads; {@code submittedBy}: the caller's own demands, shown besides. */
    public record Filter(OrgUnitRef within, String category, DemandStatus status, Urgency urgency, Scope scope, String submittedBy) {
    }

    @Inject
    Db db;

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /**
     * Admin roles and grid workers record demands in units of their scope (403 elsewhere); anyone else submits their own
     * demand where they live. The submitting account is kept either way.
     */
    @Transactional
    public DemandView create(DemandInput input) {
        OrgUnitRef unit = orgUnits.require("orgUnitId", input.orgUnitId());
        if (caller.admin() || caller.is(Roles.GRID_WORKER)) {
            caller.requireIn(caller.readScope(), unit.path());
        }
        UUID id = Ids.newId();
        Instant now = Instant.now();
        db.update("insert into demand (id, title, description, category, urgency, place, required_skills, requester_name, requester_phone,"
                + " org_unit_id, org_unit_name, org_path, community_path, status, version, created_at, updated_at, submitted_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', 1, ?, ?, ?)", id, input.title().trim(), blank(input.description()),
                input.category(), input.urgency(), input.place().trim(),
                (input.requiredSkills() == null ? List.<String>of() : input.requiredSkills().stream().distinct().toList()).toArray(String[]::new),
                blank(input.requesterName()), input.requesterPhone(), unit.id(), unit.name(), unit.path(), unit.communityPath(), now, now,
                caller.subject());
        audit.record("demand.create", "demand", id, unit.path(), AuditLog.summary("title", input.title().trim(), "category", input.category(),
                "urgency", input.urgency(), "orgUnitId", unit.id()));
        return find(id).orElseThrow();
    }

    public Optional<DemandView> find(UUID id) {
        return db.one("select " + COLUMNS + " from demand where id = ?", this::map, id);
    }

    /** The demand when the caller may read it: inside {@code scope}, or submitted by {@code submittedBy}. */
    public Optional<DemandView> find(UUID id, Scope scope, String submittedBy) {
        List<Object> args = new ArrayList<>();
        String where = new Conditions(args).equal("id", id).visible("org_path", scope, "submitted_by = ?", submittedBy).sql();
        return db.one("select " + COLUMNS + " from demand " + where, this::map, args.toArray());
    }

    public List<DemandView> search(Filter filter, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list("select " + COLUMNS + " from demand " + where
                + " order by case urgency when 'URGENT' then 0 when 'HIGH' then 1 when 'NORMAL' then 2 else 3 end, created_at, id"
                + " limit ? offset ?", this::map, args.toArray());
    }

    public long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) from demand " + where(filter, args), args.toArray());
    }

    /**
     * Teams of the demand's community whose category is the demand's or that have members holding every
     * required skill, and available resources of the community in the demand's category. The community is
     * the one in the demand's snapshot path (or the demand's own unit above community level).
     */
    public Matches matches(UUID id) {
        record Scope(String path, String category, String[] skills) {
        }
        Scope scope = db.one("select coalesce(community_path, org_path) as scope, category, required_skills from demand where id = ?",
                row -> new Scope(row.getString("scope"), row.getString("category"), Volunteer.textArray(row, "required_skills")
                        .toArray(String[]::new)), id).orElseThrow(() -> ProblemException.notFound("demand", id));
        boolean needsSkills = scope.skills().length > 0;
        List<Matches.TeamMatch> teams = db.list("select t.id, t.name, t.category, t.org_unit_name, t.category = ? as category_matches,"
                + " (select count(*) from team_member m join volunteer v on v.id = m.volunteer_id"
                + "   where m.team_id = t.id and ? and v.skills @> ?) as skilled"
                + " from team t where t.status = 'ACTIVE' and t.org_path >= ? and t.org_path < ?",
                row -> {
                    boolean categoryMatches = row.getBoolean("category_matches");
                    long skilled = row.getLong("skilled");
                    int score = (categoryMatches ? 10 : 0) + (int) Math.min(skilled, 10);
                    return new Matches.TeamMatch(Db.uuid(row, "id"), row.getString("name"), row.getString("category"),
                            row.getString("org_unit_name"), categoryMatches, skilled, score);
                }, scope.category(), needsSkills, scope.skills(), scope.path(), OrgUnitRef.upperBound(scope.path()))
                .stream().filter(m -> m.categoryMatches() || m.membersWithSkills() > 0)
                .sorted((a, b) -> a.score() != b.score() ? Integer.compare(b.score(), a.score()) : a.name().compareTo(b.name()))
                .limit(20).toList();
        return new Matches(id, teams, db.list("select " + "r.id, r.partner_id, p.name as partner_name, r.title, r.category, r.description,"
                + " r.quantity, r.status, r.version, r.created_at from resource r join partner p on p.id = r.partner_id"
                + " where r.status = 'AVAILABLE' and r.category = ? and r.org_path >= ? and r.org_path < ? order by r.created_at limit 20",
                PartnerService::resource, scope.category(), scope.path(), OrgUnitRef.upperBound(scope.path())));
    }

    private static String where(Filter filter, List<Object> args) {
        return new Conditions(args).visible("org_path", filter.scope(), "submitted_by = ?", filter.submittedBy())
                .within("org_path", filter.within()).equal("category", filter.category())
                .equal("status", filter.status()).equal("urgency", filter.urgency()).sql();
    }

    /** The requester's phone in full only for readers of the demand's scope and its submitter. */
    DemandView map(ResultSet row) throws SQLException {
        Disclosure disclosure = caller.disclosure(row.getString("org_path"), row.getString("submitted_by"));
        return new DemandView(Db.uuid(row, "id"), row.getString("title"), row.getString("description"), row.getString("category"),
                Urgency.valueOf(row.getString("urgency")), row.getString("place"), Volunteer.textArray(row, "required_skills"),
                row.getString("requester_name"), disclosure.phone(row.getString("requester_phone")), Db.uuid(row, "org_unit_id"),
                row.getString("org_unit_name"), DemandStatus.valueOf(row.getString("status")), Db.uuid(row, "closed_by_project"),
                row.getLong("version"), Times.local(Db.instant(row, "created_at")), Times.local(Db.instant(row, "updated_at")));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
