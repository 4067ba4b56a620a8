package org.community.org.member;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Personal data of a member (PUT). The unit changes by transfer, the status by transitions. */
@Schema(name = "MemberChanges", description = "Personal data; the unit changes only by transfer and the status only by a transition",
        example = "{\"name\":\"张伟\",\"gender\":\"MALE\",\"birthDate\":\"1985-04-12\",\"ethnicity\":\"汉族\",\"education\":\"硕士\","
                + "\"phone\":\"13812341234\",\"idNumber\":\"420102198504120016\"}")
public record MemberChanges(
        @NotBlank @Size(max = 50) String name,
        @NotNull Member.Gender gender,
        @NotNull @Past LocalDate birthDate,
        @Size(max = 20) String ethnicity,
        @Size(max = 20) String education,
        @Pattern(regexp = "\\+?[0-9\\- ]{5,20}", message = "{org.phone.pattern}") String phone,
        @Size(max = 18) String idNumber,
        UUID householdId) {
}
