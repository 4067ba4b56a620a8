package org.community.org.education.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.community.org.education.teacher.TeacherKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The read models of the education reports. */
public final class ReportViews {

    private ReportViews() {
    }

    @Schema(name = "PersonTimes", description = "Training of the members of a subtree in a period: person-times (人次) = attendances")
    public record PersonTimes(UUID unitId, String unitName, LocalDate from, LocalDate to, @Schema(nullable = true) UUID programId, long personTimes, long trainees,
            long sessions, List<MonthLine> byMonth) {
    }

    @Schema(name = "PersonTimesMonth", description = "Person-times and trainees in one month")
    public record MonthLine(String month, long personTimes, long trainees) {
    }

    @Schema(name = "Completion", description = "How many enrolled trainees reached the program's required credits, in total and per "
            + "unit directly below `within` (the unit's own members under the unit itself)")
    public record Completion(@Schema(nullable = true) UUID programId, @Schema(nullable = true) String programName, @Schema(nullable = true) BigDecimal requiredCredits, UUID unitId, String unitName, long enrolled,
            long completed, @Schema(nullable = true, description = "completed / enrolled, 0 to 1") BigDecimal rate, List<UnitCompletion> byUnit) {
    }

    @Schema(name = "UnitCompletion", description = "Completion of the trainees of one unit's subtree")
    public record UnitCompletion(UUID unitId, String unitName, long enrolled, long completed, @Schema(nullable = true) BigDecimal rate) {
    }

    @Schema(name = "TeacherLoad", description = "What a teacher taught in the period, for programs of the subtree")
    public record TeacherLoad(UUID teacherId, String name, TeacherKind kind, @Schema(nullable = true) String affiliation, long courses, long sessions,
            @Schema(description = "Hours taught: the course hours of each session") BigDecimal hours,
            @Schema(description = "Attendances at their sessions") long personTimes) {
    }
}
