package org.community.org.household;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Household", description = "A household; the phone is masked",
        example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a77\",\"buildingUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\","
                + "\"address\":{\"compound\":\"江欣苑小区\",\"building\":\"3栋\",\"entrance\":\"2\",\"room\":\"501\"},"
                + "\"residentsCount\":3,\"headName\":\"张伟\",\"phone\":\"138****1234\","
                + "\"central\":{\"plaqueDate\":\"2023-03-15\",\"designatedAt\":\"2023-03-15T10:00:00+08:00\"},\"servedCount\":6,\"version\":2,"
                + "\"createdAt\":\"2023-03-01T09:00:00+08:00\",\"updatedAt\":\"2023-03-15T10:00:00+08:00\"}")
public record HouseholdView(UUID id, UUID buildingUnitId, Address address, int residentsCount, @Schema(nullable = true) String headName, @Schema(nullable = true) String phone,
        @Schema(nullable = true, description = "Present while the household is a central household (党员中心户)") Central central,
        @Schema(nullable = true, description = "The central household that serves this one") UUID servedBy,
        @Schema(nullable = true, description = "Households this central household serves") Long servedCount,
        long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public record Address(@Schema(nullable = true) String compound, @Schema(nullable = true) String building, @Schema(nullable = true) String entrance, @Schema(nullable = true) String room) {
    }

    public record Central(LocalDate plaqueDate, OffsetDateTime designatedAt, @Schema(nullable = true) String note) {
    }

    /** {@code showPhone}: the caller may see the phone unmasked (see security.Caller#seesPhones). */
    static HouseholdView of(Household household, CentralDesignation designation, Long servedCount, boolean showPhone) {
        return new HouseholdView(household.id(), household.buildingId(),
                new Address(household.compound(), household.building(), household.entrance(), household.room()),
                household.residents(), household.headName(),
                showPhone ? household.phone() : Phones.mask(household.phone()),
                designation == null ? null : new Central(designation.plaqueOn(), Times.local(designation.designatedAt()), designation.note()),
                household.servedBy(), household.central() ? servedCount : null, household.version(),
                Times.local(household.createdAt()), Times.local(household.updatedAt()));
    }
}
