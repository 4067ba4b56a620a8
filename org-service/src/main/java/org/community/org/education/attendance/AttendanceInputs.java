package org.community.org.education.attendance;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of enrolment and attendance. */
public final class AttendanceInputs {

    private AttendanceInputs() {
    }

    @Schema(name = "EnrolmentInput", description = "Give `memberIds` (members of the program's tree), or `unitId` to enrol every "
            + "party member (full and probationary) of that unit's subtree",
            example = "{\"programId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a60\",\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\"}")
    public record Enrolment(@NotNull UUID programId, @Size(max = 2000) List<@NotNull UUID> memberIds, UUID unitId) {
    }

    @Schema(name = "SignInCodeRequest", description = "The venue the code is shown at; none for an online session",
            example = "{\"venueId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a40\"}")
    public record CodeRequest(UUID venueId) {
    }

    @Schema(name = "SignInInput", description = "The code shown at the venue; `memberId` only when staff type it for a member "
            + "(a member signing in leaves it out: their account says who they are)",
            example = "{\"code\":\"482913\"}")
    public record SignIn(@NotBlank @Pattern(regexp = "[0-9]{6}", message = "{edu.code.pattern}") String code, UUID memberId) {
    }

    @Schema(name = "AttendanceInput", description = "Attendance recorded by staff at a venue of the session (none for an online session)",
            example = "{\"memberId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\",\"venueId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a40\"}")
    public record Staff(@NotNull UUID memberId, UUID venueId) {
    }

    @Schema(name = "BatchAttendanceInput", description = "Members recorded at one venue of the session by staff, all or nothing",
            example = "{\"venueId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a40\",\"memberIds\":[\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a20\"]}")
    public record Batch(UUID venueId, @NotNull @Size(min = 1, max = 2000) List<@NotNull UUID> memberIds) {
    }
}
