package org.community.volunteer.partner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.conventions.problem.ProblemException;
import org.community.volunteer.audit.AuditLog;
import org.community.volunteer.db.Where;
import org.community.volunteer.orgunit.OrgUnitRef;
import org.community.volunteer.orgunit.OrgUnits;
import org.community.volunteer.security.Caller;
import org.community.volunteer.security.Scope;
import org.community.volunteer.volunteer.Masks;

/** Partners (co-building units, two-new and social organizations) and the resources they offer. */
@ApplicationScoped
public class PartnerService {

    private static final Sort OLDEST_FIRST = Sort.by("createdAt").and("id");

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
        Partner partner = new Partner();
        partner.name = input.name().trim();
        partner.kind = input.kind();
        partner.orgUnitId = unit.id();
        partner.orgUnitName = unit.name();
        partner.orgPath = unit.path();
        partner.communityPath = unit.communityPath();
        partner.contactName = blank(input.contactName());
        partner.contactPhone = input.contactPhone();
        partner.description = blank(input.description());
        partner.createdAt = Instant.now();
        partner.persistAndFlush();
        audit.record("partner.create", "partner", partner.id, unit.path(), AuditLog.summary("name", partner.name, "kind", input.kind(),
                "orgUnitId", unit.id()));
        return view(partner);
    }

    /** The partner when it lies inside {@code scope}. */
    public Optional<PartnerView> partner(UUID id, Scope scope) {
        Where where = new Where().equal("id", id).visible("orgPath", scope);
        return Partner.<Partner>find(where.hql(), where.params()).firstResultOptional().map(PartnerService::view);
    }

    public List<PartnerView> partners(OrgUnitRef within, PartnerKind kind, Scope scope, PageRequest page) {
        return partnerQuery(within, kind, scope).page(page.page, page.size).<Partner>list().stream().map(PartnerService::view).toList();
    }

    public long countPartners(OrgUnitRef within, PartnerKind kind, Scope scope) {
        return partnerQuery(within, kind, scope).count();
    }

    private static PanacheQuery<Partner> partnerQuery(OrgUnitRef within, PartnerKind kind, Scope scope) {
        Where where = new Where().visible("orgPath", scope).within("orgPath", within).equal("kind", kind);
        return Partner.find(where.hql(), OLDEST_FIRST, where.params());
    }

    @Transactional
    public ResourceView createResource(ResourceInput input) {
        Partner partner = Partner.<Partner>findByIdOptional(input.partnerId())
                .orElseThrow(() -> ProblemException.invalidField("partnerId", "partnerUnknown", input.partnerId()));
        caller.require(caller.admin());
        caller.requireIn(caller.adminScope(), partner.orgPath);
        OfferedResource resource = new OfferedResource();
        resource.partner = partner;
        resource.orgPath = partner.orgPath;
        resource.communityPath = partner.communityPath;
        resource.title = input.title().trim();
        resource.category = input.category();
        resource.description = blank(input.description());
        resource.quantity = blank(input.quantity());
        resource.status = OfferedResource.AVAILABLE;
        resource.createdAt = Instant.now();
        resource.persistAndFlush();
        audit.record("resource.create", "resource", resource.id, partner.orgPath, AuditLog.summary("partnerId", input.partnerId(),
                "title", resource.title, "category", input.category()));
        return view(resource);
    }

    @Transactional
    public ResourceView withdraw(UUID id) {
        OfferedResource resource = OfferedResource.<OfferedResource>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("resource", id));
        caller.require(caller.admin());
        caller.requireIn(caller.adminScope(), resource.orgPath);
        if (!OfferedResource.AVAILABLE.equals(resource.status)) {
            throw ProblemException.conflict("resourceWithdrawn", resource.title);
        }
        resource.status = OfferedResource.WITHDRAWN;
        resource.flush();
        audit.record("resource.withdraw", "resource", id, resource.orgPath, AuditLog.summary("status", OfferedResource.WITHDRAWN));
        return view(resource);
    }

    /** The resource when it lies inside {@code scope}. */
    public Optional<ResourceView> resource(UUID id, Scope scope) {
        Where where = new Where().equal("id", id).visible("orgPath", scope);
        return OfferedResource.<OfferedResource>find(where.hql(), where.params()).firstResultOptional().map(PartnerService::view);
    }

    public List<ResourceView> resources(OrgUnitRef within, String category, String status, UUID partnerId, Scope scope, PageRequest page) {
        return resourceQuery(within, category, status, partnerId, scope).page(page.page, page.size).<OfferedResource>list().stream()
                .map(PartnerService::view).toList();
    }

    public long countResources(OrgUnitRef within, String category, String status, UUID partnerId, Scope scope) {
        return resourceQuery(within, category, status, partnerId, scope).count();
    }

    private static PanacheQuery<OfferedResource> resourceQuery(OrgUnitRef within, String category, String status, UUID partnerId,
            Scope scope) {
        Where where = new Where().visible("orgPath", scope).within("orgPath", within).equal("category", category).equal("status", status)
                .equal("partner.id", partnerId);
        return OfferedResource.find(where.hql(), OLDEST_FIRST, where.params());
    }

    static PartnerView view(Partner partner) {
        return new PartnerView(partner.id, partner.name, partner.kind, partner.orgUnitId, partner.orgUnitName, partner.contactName,
                Masks.phone(partner.contactPhone), partner.description, partner.version, Times.local(partner.createdAt));
    }

    public static ResourceView view(OfferedResource resource) {
        return new ResourceView(resource.id, resource.partner.id, resource.partner.name, resource.title, resource.category,
                resource.description, resource.quantity, resource.status, resource.version, Times.local(resource.createdAt));
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
