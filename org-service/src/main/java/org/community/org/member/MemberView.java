package org.community.org.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.org.household.Phones;
import org.community.conventions.http.Times;
import org.community.org.security.Caller;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member as callers see it: phone and ID number masked unless the caller's role and scope allow them in full. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Member", description = "A party member or applicant. The phone is in full for staff reading statistics inside their scope and the ID number for admin roles inside their scope (those who may edit the member); masked for everyone else",
        example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"name\":\"张伟\","
                + "\"gender\":\"MALE\",\"birthDate\":\"1985-04-12\",\"age\":41,\"phone\":\"138****1234\",\"idNumber\":\"420***********0016\","
                + "\"status\":\"FULL\",\"statusOn\":\"2012-07-01\",\"admittedOn\":\"2011-07-01\",\"mobile\":false,\"nextSteps\":[\"DECEASED\",\"REMOVED\"],\"version\":1,"
                + "\"createdAt\":\"2023-08-20T09:00:00+08:00\",\"updatedAt\":\"2023-08-21T10:30:00+08:00\"}")
public record MemberView(UUID id, UUID unitId, String name, @Schema(nullable = true) Member.Gender gender, @Schema(nullable = true) LocalDate birthDate, int age, @Schema(nullable = true) String ethnicity,
        @Schema(nullable = true) String education, @Schema(nullable = true, description = "Masked (138****1234) unless the caller is an admin role, grid worker or team leader of the member's scope") String phone,
        @Schema(nullable = true, description = "Masked (420***********1234) unless the caller is an admin role of the member's scope") String idNumber, @Schema(nullable = true) UUID householdId, MemberStatus status, @Schema(nullable = true) LocalDate statusOn,
        @Schema(nullable = true) LocalDate admittedOn, @Schema(nullable = true) LocalDate probationEndsOn,
        @Schema(description = "Flowed out (流动党员) and not back yet") boolean mobile,
        @Schema(description = "The statuses POST /members/{id}/transitions takes from this one, in pipeline order (none once the member left; "
                + "a transfer out goes through /transfers; PROBATIONARY → FULL also needs the probation to be over)") List<MemberStatus> nextSteps,
        long version, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** The view for this caller: phone and ID number unmasked only where the caller's role and scope allow. */
    public static MemberView of(Member m, Caller caller) {
        return of(m, caller.seesPhones(m.path()), caller.seesIdNumbers(m.path()));
    }

    static MemberView of(Member m, boolean showPhone, boolean showIdNumber) {
        return new MemberView(m.id(), m.unitId(), m.name(), m.gender(), m.birthDate(), Period.between(m.birthDate(), Times.today()).getYears(),
                m.ethnicity(), m.education(), showPhone ? m.phone() : Phones.mask(m.phone()),
                showIdNumber ? m.idNumber() : IdNumbers.mask(m.idNumber()), m.householdId(), m.status(),
                m.statusOn(), m.admittedOn(), m.probationEndsOn(), m.mobile(), m.status().transitionSteps(), m.version(), Times.local(m.createdAt()),
                Times.local(m.updatedAt()));
    }
}
