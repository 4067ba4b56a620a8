package org.community.volunteer.partner;

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
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.security.Caller;
import org.community.volunteer.security.Scope;
import org.community.volunteer.volunteer.Masks;

/** Partners (co-building units, two-new and social organizations) and the resources they offer. */
@ApplicationScoped
public class PartnerService {

    static final String PARTNER_COLUMNS = "id, name, kind, org_unit_id, org_unit_name, contact_name, contact_phone, description, version, created_at";
    static final String RESOURCE_COLUMNS = "r.id, r.partner_id, p.name as partner_name, r.title, r.category, r.description, r.quantity,"
            + " r.status, r.version, r.created_at";

    @Inject
    Db db;

    @Inject
    OrgUnits orgUnits;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Transactional
    public PartnerView create(PartnerInput input) {
        caller.require(caller.admin());
        OrgUnitRef unit = orgUnits.require("orgUnitId", input.orgUnitId());
        caller.requireIn(caller.adminScope(), unit.path());
        UUID id = Ids.newId();
        db.update("insert into partner (id, name, kind, org_unit_id, org_unit_name, org_path, community_path, contact_name, contact_phone,"
                + " description, version, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)", id, input.name().trim(), input.kind(),
                unit.id(), unit.name(), unit.path(), unit.communityPath(), blank(input.contactName()), input.contactPhone(),
                blank(input.description()), Instant.now());
        audit.record("partner.create", "partner", id, unit.path(), AuditLog.summary("name", input.name().trim(), "kind", input.kind(),
                "orgUnitId", unit.id()));
        return partner(id, Scope.ALL).orElseThrow();
    }

    /** The partner when it lies inside {@code scope}. */
    public Optional<PartnerView> partner(UUID id, Scope scope) {
        List<Object> args = new ArrayList<>();
        String where = new Conditions(args).equal("id", id).visible("org_path", scope).sql();
        return db.one("select " + PARTNER_COLUMNS + " from partner " + where, PartnerService::partner, args.toArray());
    }

    public List<PartnerView> partners(OrgUnitRef within, PartnerKind kind, Scope scope, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = partnerWhere(within, kind, scope, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list("select " + PARTNER_COLUMNS + " from partner " + where + " order by created_at, id limit ? offset ?",
                PartnerService::partner, args.toArray());
    }

    public long countPartners(OrgUnitRef within, PartnerKind kind, Scope scope) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) from partner " + partnerWhere(within, kind, scope, args), args.toArray());
    }

    private static String partnerWhere(OrgUnitRef within, PartnerKind kind, Scope scope, List<Object> args) {
        return new Conditions(args).visible("org_path", scope).within("org_path", within).equal("kind", kind).sql();
    }

    @Transactional
    public ResourceView createResource(ResourceInput input) {
        record Owner(String path, String community) {
        }
        Owner owner = db.one("select org_path, community_path from partner where id = ?", row -> new Owner(row.getString(1), row.getString(2)),
                input.partnerId()).orElseThrow(() -> ProblemException.invalidField("partnerId", "partnerUnknown", input.partnerId()));
        caller.require(caller.admin());
        caller.requireIn(caller.adminScope(), owner.path());
        UUID id = Ids.newId();
        db.update("insert into resource (id, partner_id, org_path, community_path, title, category, description, quantity, status, version,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'AVAILABLE', 1, ?)", id, input.partnerId(), owner.path(), owner.community(),
                input.title().trim(), input.category(), blank(input.description()), blank(input.quantity()), Instant.now());
        audit.record("resource.create", "resource", id, owner.path(), AuditLog.summary("partnerId", input.partnerId(),
                "title", input.title().trim(), "category", input.category()));
        return resource(id, Scope.ALL).orElseThrow();
    }

    @Transactional
    public ResourceView withdraw(UUID id) {
        ResourceView current = resource(id, Scope.ALL).orElseThrow(() -> ProblemException.notFound("resource", id));
        String path = db.one("select org_path from resource where id = ? for update", row -> row.getString(1), id).orElseThrow();
        caller.require(caller.admin());
        caller.requireIn(caller.adminScope(), path);
        if (!"AVAILABLE".equals(current.status())) {
            throw ProblemException.conflict("resourceWithdrawn", current.title());
        }
        db.update("update resource set status = 'WITHDRAWN', version = version + 1 where id = ?", id);
        audit.record("resource.withdraw", "resource", id, path, AuditLog.summary("status", "WITHDRAWN"));
        return resource(id, Scope.ALL).orElseThrow();
    }

    /** The resource when it lies inside {@code scope}. */
    public Optional<ResourceView> resource(UUID id, Scope scope) {
        List<Object> args = new ArrayList<>();
        String where = new Conditions(args).equal("r.id", id).visible("r.org_path", scope).sql();
        return db.one("select " + RESOURCE_COLUMNS + " from resource r join partner p on p.id = r.partner_id " + where,
                PartnerService::resource, args.toArray());
    }

    public List<ResourceView> resources(OrgUnitRef within, String category, String status, UUID partnerId, Scope scope, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = resourceWhere(within, category, status, partnerId, scope, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list("select " + RESOURCE_COLUMNS + " from resource r join partner p on p.id = r.partner_id " + where
                + " order by r.created_at, r.id limit ? offset ?", PartnerService::resource, args.toArray());
    }

    public long countResources(OrgUnitRef within, String category, String status, UUID partnerId, Scope scope) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) from resource r " + resourceWhere(within, category, status, partnerId, scope, args), args.toArray());
    }

    private static String resourceWhere(OrgUnitRef within, String category, String status, UUID partnerId, Scope scope, List<Object> args) {
        return new Conditions(args).visible("r.org_path", scope).within("r.org_path", within).equal("r.category", category).equal("r.status", status)
                .equal("r.partner_id", partnerId).sql();
    }

    static PartnerView partner(ResultSet row) throws SQLException {
        return new PartnerView(Db.uuid(row, "id"), row.getString("name"), PartnerKind.valueOf(row.getString("kind")),
                Db.uuid(row, "org_unit_id"), row.getString("org_unit_name"), row.getString("contact_name"),
                Masks.phone(row.getString("contact_phone")), row.getString("description"), row.getLong("version"),
                Times.local(Db.instant(row, "created_at")));
    }

    public static ResourceView resource(ResultSet row) throws SQLException {
        return new ResourceView(Db.uuid(row, "id"), Db.uuid(row, "partner_id"), row.getString("partner_name"), row.getString("title"),
                row.getString("category"), row.getString("description"), row.getString("quantity"), row.getString("status"),
                row.getLong("version"), Times.local(Db.instant(row, "created_at")));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
