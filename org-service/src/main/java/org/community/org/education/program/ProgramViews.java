package org.community.org.education.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The read models of programs, venues, courses and sessions. */
public final class ProgramViews {

    private ProgramViews() {
    }

    @Schema(name = "Program", description = "A training program (培训计划) with its plan's counts")
    public record ProgramView(UUID id, UUID unitId, String unitName, String name, @Schema(nullable = true) String description, @Schema(nullable = true) LocalDate startsOn, @Schema(nullable = true) LocalDate endsOn,
            @Schema(nullable = true) BigDecimal requiredCredits, ProgramStatus status, long courses, long sessions,
            @Schema(description = "Members enrolled as trainees") long trainees, long version, OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static ProgramView of(Program p, long courses, long sessions, long trainees) {
            return new ProgramView(p.id(), p.unitId(), p.unitName(), p.name(), p.description(), p.startsOn(), p.endsOn(), p.requiredCredits(),
                    p.status(), courses, sessions, trainees, p.version(), Times.local(p.createdAt()), Times.local(p.updatedAt()));
        }
    }

    @Schema(name = "Venue", description = "A classroom, main classroom (主课堂) or sub-classroom (分课堂) of a program")
    public record Venue(UUID id, UUID programId, String name, VenueKind kind, @Schema(nullable = true) UUID hostUnitId, @Schema(nullable = true) String hostUnitName, @Schema(nullable = true) String address,
            @Schema(nullable = true) Integer capacity) {
    }

    @Schema(name = "Course", description = "A course of a program's plan")
    public record Course(UUID id, UUID programId, String title, @Schema(nullable = true) String theme, @Schema(nullable = true) UUID teacherId, @Schema(nullable = true) String teacherName, BigDecimal hours,
            BigDecimal credits, CourseFormat format, @Schema(nullable = true) String description, long sessions, long version) {
    }

    @Schema(name = "Session", description = "A session of a course, with its venues and the attendance recorded at each")
    public record Session(UUID id, UUID courseId, String courseTitle, UUID programId, CourseFormat format, @Schema(nullable = true) String teacherName,
            @Schema(nullable = true) OffsetDateTime startsAt, @Schema(nullable = true) OffsetDateTime endsAt, @Schema(nullable = true) LocalDate heldOn, List<SessionVenue> venues,
            @Schema(description = "Attendance recorded without a venue (online)") long attendedOnline, long attended) {
    }

    @Schema(name = "SessionVenue", description = "A venue of a session and the members recorded there")
    public record SessionVenue(UUID venueId, String name, VenueKind kind, long attended) {
    }
}
