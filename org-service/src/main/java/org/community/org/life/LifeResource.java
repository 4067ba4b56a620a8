package org.community.org.life;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.org.member.Member;
import org.community.org.member.MemberRepository;
import org.community.org.member.MemberView;
import org.community.org.member.Post;
import org.community.org.member.PostRepository;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/v1/org-life")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organization life", description = "三会一课: meetings and attendance, the rhythm rules, compliance, credits, growth records, rankings")
public class LifeResource {

    @Inject
    LifeService service;

    @Inject
    Caller caller;

    @Inject
    LifeRepository life;

    @Inject
    OrgUnitRepository units;

    @Inject
    MemberRepository members;

    @Inject
    PostRepository posts;

    @Inject
    org.community.org.education.attendance.AttendanceRepository studies;

    @POST
    @Path("meetings")
    @Operation(operationId = "recordOrgLifeMeeting", summary = "Record a meeting with its attendance", description = "Attendees must be members of the unit's subtree, or mobile "
            + "members registered at a station in it. All or nothing.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = LifeViews.Meeting.class)), description = "Recorded")
    public Response record(@Valid @NotNull MeetingInput input) {
        UUID id = service.record(input);
        return Response.created(URI.create("/api/v1/org-life/meetings/" + id)).entity(life.meeting(id).orElseThrow()).build();
    }

    @GET
    @Path("meetings/{id}")
    @Operation(operationId = "getOrgLifeMeeting", summary = "Read a meeting", description = "With every attendee and the counts present, excused and absent.")
    public LifeViews.Meeting meeting(@PathParam("id") UUID id) {
        caller.require(Access.RECORDS);
        LifeViews.Meeting meeting = life.meeting(id).orElseThrow(() -> ProblemException.notFound("meeting", id));
        caller.requireVisible(Access.RECORDS, "meeting", id, units.find(meeting.unitId()).orElseThrow().path());
        return meeting;
    }

    @GET
    @Path("meetings")
    @Operation(operationId = "listOrgLifeMeetings", summary = "Meetings in a subtree, paged", description = "Newest first; by type and date range.")
    public Page<LifeViews.Meeting> meetings(@QueryParam("within") @NotNull @Parameter(description = "Subtree root") UUID within,
            @QueryParam("type") MeetingType type, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @Valid @BeanParam PageRequest page) {
        String path = unit(within).path();
        return Page.of(life.meetings(path, type, from, to, page), page, life.countMeetings(path, type, from, to));
    }

    @GET
    @Path("rules")
    @Operation(operationId = "listOrgLifeRules", summary = "The expected rhythm per organization form and meeting type", description = "Rules are data (table life_rule).")
    public List<LifeViews.Rule> rules() {
        return life.rules();
    }

    @GET
    @Path("compliance")
    @Operation(operationId = "listOrgLifeGaps", summary = "Units behind their expected rhythm, paged", description = "For each rule, the period (month, quarter, …) that "
            + "contains `on` (today when absent; pass a date in a finished period to audit it). In tree order.")
    public Page<LifeViews.Gap> compliance(@QueryParam("within") @NotNull @Parameter(description = "Subtree root, itself included") UUID within,
            @QueryParam("on") @Parameter(description = "A date in the period to check") LocalDate on, @Valid @BeanParam PageRequest page) {
        String path = unit(within).path();
        LocalDate date = on == null ? Times.today() : on;
        return Page.of(life.gaps(path, date, page), page, life.countGaps(path, date));
    }

    @GET
    @Path("participants/{unitId}")
    @Operation(operationId = "listOrgLifeParticipants", summary = "Whose organization life a unit looks after, paged", description = "Its own members (subtree) and then mobile "
            + "members registered at a station in its subtree (`guest`): both the origin and the station see a mobile member.")
    public Page<LifeViews.Participant> participants(@PathParam("unitId") UUID unitId, @Valid @BeanParam PageRequest page) {
        String path = unit(unitId).path();
        return Page.of(life.participants(path, page), page, life.countParticipants(path));
    }

    @GET
    @Path("credits")
    @Operation(operationId = "listOrgLifeCredits", summary = "Credits of the members of a subtree in a year, paged", description = "Training credits (学时) from meetings "
            + "attended (PRESENT).")
    public Page<LifeViews.MemberCredits> subtreeCredits(@QueryParam("within") @NotNull UUID within,
            @QueryParam("year") @NotNull @Min(1921) @Max(2100) Integer year, @Valid @BeanParam PageRequest page) {
        String path = unit(within).path();
        return Page.of(life.memberCredits(path, year, page), page, life.countMembers(path));
    }

    @GET
    @Path("members/{id}/credits")
    @Operation(operationId = "getMemberOrgLifeCredits", summary = "A member's credits in a year", description = "Total and by meeting type, from meetings attended.")
    public LifeViews.Credits credits(@PathParam("id") UUID id, @QueryParam("year") @Min(1921) @Max(2100) Integer year) {
        member(id);
        int y = year == null ? Times.today().getYear() : year;
        List<LifeViews.TypeCredits> byType = life.credits(id, y);
        return new LifeViews.Credits(id, y, byType.stream().map(LifeViews.TypeCredits::creditHours).reduce(BigDecimal.ZERO, BigDecimal::add),
                byType.stream().mapToLong(LifeViews.TypeCredits::sessions).sum(), byType);
    }

    @GET
    @Path("members/{id}/growth-record")
    @Operation(operationId = "getMemberGrowthRecord", summary = "A member's growth record (一人一册)", description = "Profile, pipeline steps, posts, transfers, outflows, credits "
            + "per year, the latest 500 sessions and the study credits per education program.")
    public LifeViews.GrowthRecord growthRecord(@PathParam("id") UUID id) {
        Member member = member(id);
        return new LifeViews.GrowthRecord(MemberView.of(member, caller), members.steps(id), posts.heldBy(id).stream().map(Post::view).toList(),
                life.transfers(id), life.outflows(id), life.creditsByYear(id), life.sessions(id, 500), studies.programCredits(id));
    }

    @GET
    @Path("ranking")
    @Operation(operationId = "listOrgLifeRanking", summary = "Monthly ranking of units, paged", description = "Units of the subtree that held meetings in the month, by "
            + "attendance rate, then number of meetings.")
    public Page<LifeViews.RankingLine> ranking(@QueryParam("within") @NotNull UUID within,
            @QueryParam("month") @Pattern(regexp = "[0-9]{4}-[0-9]{2}") @Parameter(description = "YYYY-MM; this month when absent",
                    example = "2026-11") String month,
            @Valid @BeanParam PageRequest page) {
        String path = unit(within).path();
        LocalDate start;
        try {
            start = (month == null ? YearMonth.now(Times.ZONE) : YearMonth.parse(month)).atDay(1);
        } catch (java.time.DateTimeException e) {
            throw ProblemException.badField("month", "monthInvalid", month);
        }
        return Page.of(life.ranking(path, start, page), page, life.countRanking(path, start));
    }

    /** The unit a report is about: inside the caller's scope (403 otherwise; the unit itself is public). */
    private OrgUnit unit(UUID id) {
        caller.require(Access.RECORDS);
        OrgUnit unit = units.find(id).orElseThrow(() -> ProblemException.notFound("orgUnit", id));
        caller.requireIn(Access.RECORDS, unit.path());
        return unit;
    }

    /** A member inside the caller's scope; 404 otherwise, as for an unknown id. */
    private Member member(UUID id) {
        caller.require(Access.RECORDS);
        Member member = members.find(id).orElseThrow(() -> ProblemException.notFound("member", id));
        caller.requireVisible(Access.RECORDS, "member", id, member.path());
        return member;
    }
}
