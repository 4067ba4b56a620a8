package org.community.org.stats;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.community.org.member.MemberMetrics;
import org.community.org.member.MemberStatus;
import org.community.org.tree.Level;
import org.community.org.tree.OrgForm;
import org.community.org.tree.OrgUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures a secretary quotes for a node: everything below it, the node itself not counted. */
@Schema(name = "UnitStats", description = "Roll-up figures of a unit's subtree (active units only, the unit itself not counted)",
        example = "{\"unitId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"name\":\"江欣苑社区党委\",\"level\":\"COMMUNITY\","
                + "\"units\":{\"total\":96,\"byLevel\":{\"COMPOUND\":8,\"BUILDING\":88},\"byForm\":{\"BRANCH\":8,\"GROUP\":88}},"
                + "\"households\":2640,\"residents\":7920,\"centralHouseholds\":177,\"servedHouseholds\":2100,"
                + "\"members\":{\"partyMembers\":412,\"full\":398,\"probationary\":14,\"mobile\":23,"
                + "\"byStatus\":{\"APPLICANT\":9,\"ACTIVIST\":6,\"DEVELOPMENT_TARGET\":3,\"PROBATIONARY\":14,\"FULL\":398}},"
                + "\"coverage\":{\"uncoveredBuildings\":0,\"leaderlessUnits\":2,\"unservedHouseholds\":540}}")
public record UnitStats(UUID unitId, String name, Level level, Units units, long households, long residents, long centralHouseholds,
        long servedHouseholds, Members members, Coverage coverage) {

    @Schema(name = "MemberCounts", description = "Members of the subtree, the unit's own members included; members who left count nowhere")
    public record Members(
            @Schema(description = "Full and probationary members (党员)") long partyMembers,
            @Schema(description = "正式党员") long full,
            @Schema(description = "预备党员") long probationary,
            @Schema(description = "Party members flowed out and not back (流动党员)") long mobile,
            @Schema(description = "Everyone in the pipeline by status") Map<MemberStatus, Long> byStatus) {
    }

    public record Units(long total, Map<Level, Long> byLevel, Map<OrgForm, Long> byForm) {
    }

    @Schema(name = "CoverageSummary", description = "How many gaps of each kind the subtree has")
    public record Coverage(
            @Schema(description = "Active buildings with no party organization") long uncoveredBuildings,
            @Schema(description = "Active organizations with no active SECRETARY post (GROUP_LEADER for a group)") long leaderlessUnits,
            @Schema(description = "Households neither central nor served by a central household") long unservedHouseholds) {
    }

    static UnitStats of(OrgUnit unit, Counts counts) {
        Map<Level, Long> byLevel = new EnumMap<>(Level.class);
        long total = 0;
        for (Level level : Level.values()) {
            Metric metric = Metric.ofLevel(level);
            if (metric != null) {
                byLevel.put(level, counts.get(metric));
                total += counts.get(metric);
            }
        }
        Map<OrgForm, Long> byForm = new EnumMap<>(OrgForm.class);
        put(byForm, OrgForm.COMMITTEE, counts.get(Metric.COMMITTEES));
        put(byForm, OrgForm.GENERAL_BRANCH, counts.get(Metric.GENERAL_BRANCHES));
        put(byForm, OrgForm.BRANCH, counts.get(Metric.BRANCHES));
        put(byForm, OrgForm.GROUP, counts.get(Metric.PARTY_GROUPS));
        return new UnitStats(unit.id(), unit.name(), unit.level(), new Units(total, byLevel, byForm), counts.get(Metric.HOUSEHOLDS),
                counts.get(Metric.RESIDENTS), counts.get(Metric.CENTRAL_HOUSEHOLDS), counts.get(Metric.SERVED_HOUSEHOLDS),
                members(counts), coverage(counts));
    }

    static Members members(Counts counts) {
        Map<MemberStatus, Long> byStatus = new EnumMap<>(MemberStatus.class);
        for (MemberStatus status : MemberStatus.values()) {
            Metric metric = MemberMetrics.of(status);
            if (metric != null) {
                byStatus.put(status, counts.get(metric));
            }
        }
        long full = counts.get(Metric.MEMBERS_FULL);
        long probationary = counts.get(Metric.MEMBERS_PROBATIONARY);
        return new Members(full + probationary, full, probationary, counts.get(Metric.MOBILE_MEMBERS), byStatus);
    }

    static Coverage coverage(Counts counts) {
        return new Coverage(counts.get(Metric.UNCOVERED_BUILDINGS), counts.get(Metric.LEADERLESS_UNITS),
                counts.get(Metric.HOUSEHOLDS) - counts.get(Metric.SERVED_HOUSEHOLDS));
    }

    private static void put(Map<OrgForm, Long> byForm, OrgForm form, long count) {
        byForm.put(form, count);
    }
}
