package org.community.org.household;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Designations as 党员中心户; the current one has no revocation (a partial unique index keeps it one). */
@ApplicationScoped
public class CentralDesignationRepository implements PanacheRepositoryBase<CentralDesignation, UUID> {

    Optional<CentralDesignation> current(UUID householdId) {
        return find("householdId = ?1 and revokedAt is null", householdId).firstResultOptional();
    }

    Map<UUID, CentralDesignation> current(List<UUID> householdIds) {
        if (householdIds.isEmpty()) {
            return Map.of();
        }
        return find("householdId in ?1 and revokedAt is null", householdIds).stream()
                .collect(Collectors.toMap(CentralDesignation::householdId, Function.identity()));
    }

    List<CentralDesignation> history(UUID householdId) {
        return list("householdId = ?1 order by designatedAt", householdId);
    }
}
