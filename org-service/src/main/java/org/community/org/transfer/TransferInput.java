package org.community.org.transfer;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransferInput", description = "Start a transfer: either toUnitId (inside the system) or externalOrg with its letter number",
        example = "{\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"toUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a11\","
                + "\"reason\":\"工作调动\",\"initiatedOn\":\"2026-11-20\"}")
public record TransferInput(
        @NotNull UUID memberId,
        @Schema(description = "Destination branch or group inside the system") UUID toUnitId,
        @Size(max = 200) @Schema(description = "Receiving organization outside the system") String externalOrg,
        @Size(max = 50) @Schema(description = "Letter number (介绍信编号); required for an external transfer, generated otherwise")
        String letterNumber,
        @Size(max = 500) String reason,
        @PastOrPresent @Schema(description = "Today when absent") LocalDate initiatedOn) {
}
