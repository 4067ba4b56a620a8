package org.community.volunteer.volunteer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.community.conventions.http.Times;
import org.community.volunteer.security.Disclosure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Volunteer", description = "A volunteer; phone and ID number are masked by the caller's role and scope",
        example = "{\"id\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"name\":\"李娜\",\"phone\":\"138****1234\","
                + "\"idNumber\":\"420***********1237\",\"skills\":[\"ELDER_CARE\"],\"verificationStatus\":\"VERIFIED\","
                + "\"orgUnitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"orgUnitName\":\"江欣苑社区\",\"verifiedHours\":126.5,"
                + "\"starLevel\":1,\"version\":2,"
                + "\"createdAt\":\"2023-08-20T09:00:00+08:00\",\"updatedAt\":\"2023-08-21T10:30:00+08:00\"}")
public record VolunteerView(UUID id, String name,
        @Schema(nullable = true, description = "Masked (138****1234) except for admin roles, grid workers and team leaders inside their scope, and the volunteer themself") String phone,
        @Schema(nullable = true, description = "Masked (420***********1237) except for admin roles inside their scope and the volunteer themself") String idNumber,
        @Schema(nullable = true) Gender gender, List<String> skills, @Schema(nullable = true) String availability, @Schema(nullable = true) UUID partyMemberId,
        VerificationStatus verificationStatus, @Schema(nullable = true) String verificationNote, @Schema(nullable = true) UUID orgUnitId, @Schema(nullable = true) String orgUnitName,
        @Schema(description = "Cumulative verified service hours") BigDecimal verifiedHours,
        @Schema(description = "0 (none) to 5 stars") int starLevel,
        long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** With phone and ID number shown as far as {@code disclosure} allows. */
    public static VolunteerView of(Volunteer v, Disclosure disclosure) {
        return new VolunteerView(v.id, v.name, disclosure.phone(v.phone), disclosure.idNumber(v.idNumber), v.gender, List.of(v.skills),
                v.availability, v.partyMemberId, v.verificationStatus, v.verificationNote, v.orgUnitId, v.orgUnitName,
                Stars.hours(v.verifiedMinutes), v.starLevel, v.version, Times.local(v.createdAt), Times.local(v.updatedAt));
    }
}
