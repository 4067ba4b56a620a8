package org.community.org.household;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.org.security.Caller;

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;

/** Builds household views with their current designation and served count. */
@ApplicationScoped
public class HouseholdViews {

    @Inject
    HouseholdRepository households;

    @Inject
    Caller caller;

    public HouseholdView one(Household household) {
        CentralDesignation designation = household.central() ? households.currentDesignation(household.id()).orElse(null) : null;
        Long served = household.central() ? households.countServedBy(household.id()) : null;
        return HouseholdView.of(household, designation, served, caller.seesPhones(household.path()));
    }

    /** Views for a page, with designations and served counts read in two queries for the whole page. */
    public Page<HouseholdView> page(List<Household> found, PageRequest page, long total) {
        List<UUID> centralIds = found.stream().filter(Household::central).map(Household::id).toList();
        Map<UUID, CentralDesignation> designations = households.currentDesignations(centralIds);
        Map<UUID, Long> servedCounts = households.servedCounts(centralIds);
        return Page.of(found.stream()
                .map(h -> HouseholdView.of(h, designations.get(h.id()), servedCounts.getOrDefault(h.id(), 0L),
                        caller.seesPhones(h.path())))
                .toList(), page, total);
    }
}
