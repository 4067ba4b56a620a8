package org.community.consultation.vote;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ElectorInput", description = "One unit (专有部分) on the roll with its owner. Units sharing an ownerKey belong to one "
        + "owner, who counts once in the head count while every unit's area counts.",
        example = "{\"unitId\":\"3-1-502\",\"ownerName\":\"张建国\",\"ownerKey\":\"owner-7f3a\",\"building\":\"3\",\"entrance\":\"1\",\"areaM2\":89.56,\"account\":\"resident-zhang\"}")
public record ElectorInput(
        @NotBlank @Size(max = 100) @Schema(description = "Unit / room identifier", example = "3-1-502") String unitId,
        @NotBlank @Size(max = 100) @Schema(description = "Owner's name", example = "张建国") String ownerName,
        @Size(min = 1, max = 200) @Schema(description = "Identifies the owner across units (e.g. a hash of the ID number); the unit id when absent")
        String ownerKey,
        @Size(max = 50) String building,
        @Size(max = 50) String entrance,
        @Schema(description = "Floor area in m², at most two decimals; required by owners' rules", example = "89.56") BigDecimal areaM2,
        @Size(min = 1, max = 200) @Schema(description = "The owner's account (token sub), when they have one: they may then cast their own "
                + "ballot online and read it") String account) {

    String effectiveOwnerKey() {
        return ownerKey == null || ownerKey.isBlank() ? "unit:" + unitId.trim() : ownerKey.trim();
    }
}
