package org.community.volunteer.demand;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.audit.AuditLog;
import org.community.volunteer.db.Where;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.volunteer.partner.OfferedResource;
import org.community.volunteer.partner.PartnerService;
import org.community.volunteer.security.Caller;
import org.community.volunteer.security.Disclosure;
import org.community.volunteer.security.Roles;
import org.community.volunteer.security.Scope;

/** Demands and their matching ("群众点单 → 中心派单"): teams and resources of the same community that fit. */
@ApplicationScoped
public class DemandService {

    /** Most urgent first, then oldest. */
    private static final String ORDER = " order by case urgency when org.community.volunteer.demand.Urgency.URGENT then 0"
            + " when org.community.volunteer.demand.Urgency.HIGH then 1 when org.community.volunteer.demand.Urgency.NORMAL then 2"
            + " else 3 end, createdAt, id";

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
        Instant now = Instant.now();
        Demand demand = new Demand();
        demand.title = input.title().trim();
        demand.description = blank(input.description());
        demand.category = input.category();
        demand.urgency = input.urgency();
        demand.place = input.place().trim();
        demand.requiredSkills = (input.requiredSkills() == null ? List.<String>of() : input.requiredSkills().stream().distinct().toList())
                .toArray(String[]::new);
        demand.requesterName = blank(input.requesterName());
        demand.requesterPhone = input.requesterPhone();
        demand.orgUnitId = unit.id();
        demand.orgUnitName = unit.name();
        demand.orgPath = unit.path();
        demand.communityPath = unit.communityPath();
        demand.status = DemandStatus.OPEN;
        demand.createdAt = now;
        demand.updatedAt = now;
        demand.submittedBy = caller.subject();
        demand.persistAndFlush();
        audit.record("demand.create", "demand", demand.id, unit.path(), AuditLog.summary("title", demand.title, "category", input.category(),
                "urgency", input.urgency(), "orgUnitId", unit.id()));
        return view(demand);
    }

    public Optional<DemandView> find(UUID id) {
        return Demand.<Demand>findByIdOptional(id).map(this::view);
    }

    /** The demand when the caller may read it: inside {@code scope}, or submitted by {@code submittedBy}. */
    public Optional<DemandView> find(UUID id, Scope scope, String submittedBy) {
        Where where = new Where().equal("id", id).visible("orgPath", scope, "submittedBy = ?", submittedBy);
        return Demand.<Demand>find(where.hql(), where.params()).firstResultOptional().map(this::view);
    }

    public List<DemandView> search(Filter filter, PageRequest page) {
        return query(filter).page(page.page, page.size).<Demand>list().stream().map(this::view).toList();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private static PanacheQuery<Demand> query(Filter filter) {
        Where where = new Where().visible("orgPath", filter.scope(), "submittedBy = ?", filter.submittedBy())
                .within("orgPath", filter.within()).equal("category", filter.category())
                .equal("status", filter.status()).equal("urgency", filter.urgency());
        return Demand.find(where.hql() + ORDER, where.params());
    }

    /**
     * Teams of the demand's community whose category is the demand's or that have members holding every
     * required skill, and available resources of the community in the demand's category. The community is
     * the one in the demand's snapshot path (or the demand's own unit above community level).
     */
    public Matches matches(UUID id) {
        Demand demand = Demand.<Demand>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("demand", id));
        String scope = demand.matchingScope();
        String[] skills = demand.requiredSkills;
        boolean needsSkills = skills.length > 0;
        // deliberate SQL: teams and their members are not entities of this service (yet); one statement counts the skilled members
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
                }, demand.category, needsSkills, skills, scope, OrgUnitRef.upperBound(scope))
                .stream().filter(m -> m.categoryMatches() || m.membersWithSkills() > 0)
                .sorted((a, b) -> a.score() != b.score() ? Integer.compare(b.score(), a.score()) : a.name().compareTo(b.name()))
                .limit(20).toList();
        List<OfferedResource> resources = OfferedResource.<OfferedResource>find(
                "status = ?1 and category = ?2 and orgPath >= ?3 and orgPath < ?4 order by createdAt", OfferedResource.AVAILABLE,
                demand.category, scope, OrgUnitRef.upperBound(scope)).range(0, 19).list();
        return new Matches(id, teams, resources.stream().map(PartnerService::view).toList());
    }

    /** The requester's phone in full only for readers of the demand's scope and its submitter. */
    DemandView view(Demand demand) {
        Disclosure disclosure = caller.disclosure(demand.orgPath, demand.submittedBy);
        return new DemandView(demand.id, demand.title, demand.description, demand.category, demand.urgency, demand.place,
                List.of(demand.requiredSkills), demand.requesterName, disclosure.phone(demand.requesterPhone), demand.orgUnitId,
                demand.orgUnitName, demand.status, demand.closedByProject, demand.version, Times.local(demand.createdAt),
                Times.local(demand.updatedAt));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
