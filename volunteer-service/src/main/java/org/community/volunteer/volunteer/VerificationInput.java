package org.community.volunteer.volunteer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VerificationInput", description = "The outcome of a real-name check", example = "{\"status\":\"VERIFIED\",\"note\":\"身份证已核验\"}")
public record VerificationInput(
        @NotNull @Schema(description = "VERIFIED or REJECTED") VerificationStatus status,
        @Size(max = 200) String note) {
}
