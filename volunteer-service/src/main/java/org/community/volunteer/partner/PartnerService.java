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

import org.community.volunteer.db.Conditions;
import org.community.volunteer.db.Db;
import org.community.volunteer.db.Ids;
import org.community.volunteer.http.PageRequest;
import org.community.volunteer.http.Times;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.volunteer.problem.ProblemException;
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

    @Transactional
    public PartnerView create(PartnerInput input) {
        OrgUnitRef unit = orgUnits.require("orgUnitId", input.orgUnitId());
        UUID id = Ids.newId();
        db.update("insert into partner (id, name, kind, org_unit_id, org_unit_name, org_path, community_path, contact_name, contact_phone,"
                + " description, version, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)", id, input.name().trim(), input.kind(),
                unit.id(), unit.name(), unit.path(), unit.communityPath(), blank(input.contactName()), input.contactPhone(),
                blank(input.description()), Instant.now());
        return partner(id).orElseThrow();
    }

    public Optional<PartnerView> partner(UUID id) {
        return db.one("select " + PARTNER_COLUMNS + " from partner where id = ?", PartnerService::partner, id);
    }

    public List<PartnerView> partners(OrgUnitRef within, PartnerKind kind, PageRequest page) {
        return db.list("select " + PARTNER_COLUMNS + " from partner where (?::text is null or (org_path >= ? and org_path < ?))"
                + " and (?::text is null or kind = ?) order by created_at, id limit ? offset ?", PartnerService::partner,
                path(within), path(within), upper(within), kind, kind, page.size, page.offset());
    }

    public long countPartners(OrgUnitRef within, PartnerKind kind) {
        return db.count("select count(*) from partner where (?::text is null or (org_path >= ? and org_path < ?))"
                + " and (?::text is null or kind = ?)", path(within), path(within), upper(within), kind, kind);
    }

    @Transactional
    public ResourceView createResource(ResourceInput input) {
        record Owner(String path, String community) {
        }
        Owner owner = db.one("select org_path, community_path from partner where id = ?", row -> new Owner(row.getString(1), row.getString(2)),
                input.partnerId()).orElseThrow(() -> ProblemException.invalidField("partnerId", "partnerUnknown", input.partnerId()));
        UUID id = Ids.newId();
        db.update("insert into resource (id, partner_id, org_path, community_path, title, category, description, quantity, status, version,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'AVAILABLE', 1, ?)", id, input.partnerId(), owner.path(), owner.community(),
                input.title().trim(), input.category(), blank(input.description()), blank(input.quantity()), Instant.now());
        return resource(id).orElseThrow();
    }

    @Transactional
    public ResourceView withdraw(UUID id) {
        ResourceView current = resource(id).orElseThrow(() -> ProblemException.notFound("resource", id));
        if (!"AVAILABLE".equals(current.status())) {
            throw ProblemException.conflict("resourceWithdrawn", current.title());
        }
        db.update("update resource set status = 'WITHDRAWN', version = version + 1 where id = ?", id);
        return resource(id).orElseThrow();
    }

    public Optional<ResourceView> resource(UUID id) {
        return db.one("select " + RESOURCE_COLUMNS + " from resource r join partner p on p.id = r.partner_id where r.id = ?",
                PartnerService::resource, id);
    }

    public List<ResourceView> resources(OrgUnitRef within, String category, String status, UUID partnerId, PageRequest page) {
        List<Object> args = new ArrayList<>();
        String where = resourceWhere(within, category, status, partnerId, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list("select " + RESOURCE_COLUMNS + " from resource r join partner p on p.id = r.partner_id " + where
                + " order by r.created_at, r.id limit ? offset ?", PartnerService::resource, args.toArray());
    }

    public long countResources(OrgUnitRef within, String category, String status, UUID partnerId) {
        List<Object> args = new ArrayList<>();
        return db.count("select count(*) from resource r " + resourceWhere(within, category, status, partnerId, args), args.toArray());
    }

    private static String resourceWhere(OrgUnitRef within, String category, String status, UUID partnerId, List<Object> args) {
        return new Conditions(args).within("r.org_path", within).equal("r.category", category).equal("r.status", status)
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

    private static String path(OrgUnitRef within) {
        return within == null ? null : within.path();
    }

    private static String upper(OrgUnitRef within) {
        return within == null ? null : OrgUnitRef.upperBound(within.path());
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
