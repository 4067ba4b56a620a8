package org.community.org.household;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A household to register, or the new state of one (PUT). */
@Schema(name = "HouseholdInput", description = "A household in a building",
        example = "{\"buildingUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"compound\":\"江欣苑小区\",\"building\":\"3栋\","
                + "\"entrance\":\"2\",\"room\":\"501\",\"residentsCount\":3,\"headName\":\"张伟\",\"phone\":\"13812341234\"}")
public record HouseholdInput(
        @NotNull @Schema(description = "The BUILDING unit the household lives in") UUID buildingUnitId,
        @Size(max = 100) @Schema(description = "Compound (小区) as written in the address; defaults to the compound in the tree")
        String compound,
        @Size(max = 100) @Schema(description = "Building as written in the address; defaults to the building unit's name") String building,
        @Size(max = 20) @Schema(description = "Entrance (单元); empty when the building has one", example = "2") String entrance,
        @NotBlank @Size(max = 20) @Schema(description = "Room number", example = "501") String room,
        @NotNull @Min(0) @Max(99) @Schema(description = "Residents living there", example = "3") Integer residentsCount,
        @Size(max = 50) @Schema(description = "Head of household (户主)") String headName,
        @Pattern(regexp = "\\+?[0-9\\- ]{5,20}", message = "{org.phone.pattern}")
        @Schema(description = "Contact phone; masked in answers") String phone) {
}
