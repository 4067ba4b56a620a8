package org.community.org.member;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A person to register. Existing party members are registered with their status and admission date. */
@Schema(name = "MemberInput", description = "A party member or applicant to register in a branch or group",
        example = "{\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"name\":\"张伟\",\"gender\":\"MALE\",\"birthDate\":\"1985-04-12\","
                + "\"ethnicity\":\"汉族\",\"education\":\"本科\",\"phone\":\"13812341234\",\"idNumber\":\"420102198504120016\","
                + "\"status\":\"FULL\",\"statusOn\":\"2012-07-01\",\"admittedOn\":\"2011-07-01\"}")
public record MemberInput(
        @NotNull @Schema(description = "The branch (BRANCH) or group (GROUP) the person belongs to") UUID unitId,
        @NotBlank @Size(max = 50) String name,
        @NotNull Member.Gender gender,
        @NotNull @Past LocalDate birthDate,
        @Size(max = 20) @Schema(description = "民族", example = "汉族") String ethnicity,
        @Size(max = 20) @Schema(description = "学历", example = "本科") String education,
        @Pattern(regexp = "\\+?[0-9\\- ]{5,20}", message = "{org.phone.pattern}") @Schema(description = "Masked in answers") String phone,
        @Size(max = 18) @Schema(description = "Resident ID number (18 characters with check digit); masked in every answer") String idNumber,
        @Schema(description = "The household the person lives in") UUID householdId,
        @Schema(description = "Where in the pipeline the person stands now; APPLICANT when absent. Exits cannot be registered")
        MemberStatus status,
        @PastOrPresent @Schema(description = "Date of the current status; today when absent") LocalDate statusOn,
        @PastOrPresent @Schema(description = "Admission as probationary member (入党日期); required for PROBATIONARY and FULL")
        LocalDate admittedOn) {
}
