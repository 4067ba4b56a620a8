package org.community.org.household;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CentralDesignation", description = "Designation as 党员中心户 (party-member central household)",
        example = "{\"plaqueDate\":\"2023-03-15\",\"note\":\"联系 3 栋 2 单元\"}")
public record DesignationInput(
        @NotNull @PastOrPresent @Schema(description = "Date the plaque was hung (挂牌日期)") LocalDate plaqueDate,
        @Size(max = 500) @Schema(description = "Note") String note) {
}
