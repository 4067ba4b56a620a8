package org.community.volunteer.volunteer;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registration, or the new state of a volunteer on update. */
@Schema(name = "VolunteerInput", description = "A volunteer's registration",
        example = "{\"name\":\"李娜\",\"phone\":\"13812341234\",\"idNumber\":\"420102199001011237\",\"gender\":\"FEMALE\","
                + "\"skills\":[\"ELDER_CARE\",\"FIRST_AID\"],\"availability\":\"周末全天\","
                + "\"orgUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\"}")
public record VolunteerInput(
        @NotBlank @Size(max = 50) @Schema(description = "Real name", example = "李娜") String name,
        @NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "{volunteer.phone.pattern}")
        @Schema(description = "Mobile phone, 11 digits; masked in responses", example = "13812341234") String phone,
        @Pattern(regexp = "\\d{17}[0-9X]", message = "{volunteer.idNumber.pattern}")
        @Schema(description = "Resident ID number for real-name verification; masked in responses", example = "420102199001011237") String idNumber,
        Gender gender,
        @Size(max = 20) @Schema(description = "Skills, UPPER_SNAKE codes", example = "[\"ELDER_CARE\",\"FIRST_AID\"]")
        List<@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String> skills,
        @Size(max = 200) @Schema(description = "When the volunteer can serve, free text", example = "周末全天") String availability,
        @Schema(description = "The volunteer's party member id in org-service, when a party member") UUID partyMemberId,
        @Schema(description = "Org unit (usually the community) the volunteer is registered in; checked with org-service") UUID orgUnitId,
        @Size(max = 200) @Schema(description = "The account (token `sub`) the profile belongs to. Set by admin roles registering someone; "
                + "a volunteer or resident registering themself gets their own account (another value is 403). Kept on update unless an "
                + "admin role sends a new one.", example = "resident-li") String account) {
}
