package org.community.org.mobile;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OutflowInput", description = "Record that a member has flowed out (外出流动)",
        example = "{\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"destinationCity\":\"深圳市\",\"destinationAddress\":\"南山区科技园\","
                + "\"reason\":\"务工\",\"contactPhone\":\"13812341234\",\"leftOn\":\"2026-03-01\",\"expectedReturnOn\":\"2027-01-31\"}")
public record OutflowInput(
        @NotNull UUID memberId,
        @NotBlank @Size(max = 50) String destinationCity,
        @Size(max = 200) String destinationAddress,
        @NotBlank @Size(max = 100) @Schema(description = "务工, 经商, 求学, …") String reason,
        @Pattern(regexp = "\\+?[0-9\\- ]{5,20}", message = "{org.phone.pattern}") @Schema(description = "Masked in answers") String contactPhone,
        @NotNull @PastOrPresent LocalDate leftOn,
        LocalDate expectedReturnOn) {
}
