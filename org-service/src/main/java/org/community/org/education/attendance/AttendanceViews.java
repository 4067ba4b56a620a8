package org.community.org.education.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The read models of enrolment, attendance and study credits. */
public final class AttendanceViews {

    private AttendanceViews() {
    }

    @Schema(name = "EnrolmentResult", description = "How many members were enrolled now, and how many were enrolled already")
    public record EnrolmentResult(UUID programId, long enrolled, long alreadyEnrolled) {
    }

    @Schema(name = "Trainee", description = "An enrolled member with their study credits in the program")
    public record Trainee(UUID memberId, String name, UUID unitId, @Schema(nullable = true) String unitName, BigDecimal credits, long courses, long sessions,
            @Schema(description = "Credits at least the program's required credits") boolean completed) {
    }

    @Schema(name = "SignInCode", description = "A code to show at a venue; members type it to sign in until it expires",
            example = "{\"sessionId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a50\",\"venueId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a40\","
                    + "\"code\":\"482913\",\"expiresAt\":\"2024-12-07T09:15:00+08:00\"}")
    public record SignInCode(UUID sessionId, UUID venueId, String code, OffsetDateTime expiresAt) {
    }

    @Schema(name = "Attendance", description = "A member recorded at a session")
    public record Attendance(UUID sessionId, UUID memberId, String name, @Schema(nullable = true) String unitName, @Schema(nullable = true) UUID venueId, @Schema(nullable = true) String venueName,
            AttendanceMethod method, OffsetDateTime recordedAt) {
    }

    @Schema(name = "BatchAttendanceResult", description = "Attendance recorded now, and members who were recorded already")
    public record BatchResult(UUID sessionId, long recorded, long alreadyRecorded) {
    }

    @Schema(name = "ProgramCredits", description = "A member's study credits (学分) in one program: part of the growth record (一人一册)")
    public record ProgramCredits(UUID programId, String programName, @Schema(nullable = true) String unitName, @Schema(nullable = true) LocalDate startsOn, @Schema(nullable = true) LocalDate endsOn,
            BigDecimal credits, @Schema(nullable = true) BigDecimal requiredCredits, long courses, long sessions, boolean completed) {
    }
}
