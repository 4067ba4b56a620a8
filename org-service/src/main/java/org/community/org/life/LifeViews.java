package org.community.org.life;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.community.org.member.MemberStatus;
import org.community.org.member.MemberView;
import org.community.org.member.MemberStep;
import org.community.org.member.Post;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The read models of organization life. */
public final class LifeViews {

    private LifeViews() {
    }

    @Schema(name = "Meeting", description = "A meeting with its attendance")
    public record Meeting(UUID id, UUID unitId, String unitName, MeetingType type, LocalDate heldOn, @Schema(nullable = true) String topic, BigDecimal creditHours,
            long present, long excused, long absent,
            @Schema(nullable = true, description = "Each member's attendance; in single reads only (null in lists, which give the counts)")
            List<AttendanceLine> attendance) {
    }

    @Schema(name = "AttendanceLine", description = "One member's attendance at a meeting")
    public record AttendanceLine(UUID memberId, String name, Presence presence,
            @Schema(description = "A mobile member registered at a station in this unit's tree, not a member of the unit") boolean guest) {
    }

    @Schema(name = "LifeRule", description = "How often an organization form must hold a meeting type")
    public record Rule(MeetingType meetingType, String form, int periodMonths, int minCount) {
    }

    @Schema(name = "ComplianceGap", description = "A unit behind its expected rhythm in the period")
    public record Gap(UUID unitId, String code, String name, String form, MeetingType meetingType, LocalDate periodStart, LocalDate periodEnd,
            int required, long held) {
    }

    @Schema(name = "Credits", description = "Training credits (学时) of a member in a year, from meetings attended")
    public record Credits(UUID memberId, int year, BigDecimal creditHours, long sessions, List<TypeCredits> byType) {
    }

    @Schema(name = "TypeCredits", description = "Credits of one meeting type")
    public record TypeCredits(MeetingType type, long sessions, BigDecimal creditHours) {
    }

    @Schema(name = "MemberCredits", description = "A member's credits in a year, in a subtree list")
    public record MemberCredits(UUID memberId, String name, MemberStatus status, BigDecimal creditHours, long sessions) {
    }

    @Schema(name = "Session", description = "A meeting the member was recorded at")
    public record Session(UUID meetingId, UUID unitId, String unitName, MeetingType type, LocalDate heldOn, @Schema(nullable = true) String topic, Presence presence,
            BigDecimal creditHours) {
    }

    @Schema(name = "GrowthRecord", description = "一人一册: a member's profile, steps, posts, transfers, outflows, sessions and credits")
    public record GrowthRecord(MemberView member, List<MemberStep> steps, List<Post.View> posts, List<TransferLine> transfers,
            List<OutflowLine> outflows, List<YearCredits> creditsByYear, List<Session> sessions,
            @Schema(description = "Study credits (学分) per education program, newest first")
            List<org.community.org.education.attendance.AttendanceViews.ProgramCredits> studyCredits) {
    }

    @Schema(name = "GrowthTransfer", description = "A transfer in the growth record")
    public record TransferLine(UUID id, String kind, @Schema(nullable = true) String fromUnitName, @Schema(nullable = true) String toName, String status, LocalDate initiatedOn,
            @Schema(nullable = true) LocalDate decidedOn) {
    }

    @Schema(name = "GrowthOutflow", description = "An outflow in the growth record")
    public record OutflowLine(UUID id, String destinationCity, @Schema(nullable = true) String reason, LocalDate leftOn, @Schema(nullable = true) String stationName, @Schema(nullable = true) LocalDate returnedOn) {
    }

    @Schema(name = "YearCredits", description = "Credits in one year")
    public record YearCredits(int year, BigDecimal creditHours, long sessions) {
    }

    @Schema(name = "RankingLine", description = "A unit's organization life in a month")
    public record RankingLine(int rank, UUID unitId, String name, long meetings, long present, long excused, long absent,
            @Schema(nullable = true, description = "present / (present + excused + absent), 0 to 1") BigDecimal attendanceRate) {
    }

    @Schema(name = "Participant", description = "Someone whose organization life a unit looks after")
    public record Participant(MemberView member,
            @Schema(description = "A mobile member registered at a station in this unit's tree (belongs to another unit)") boolean guest) {
    }
}
