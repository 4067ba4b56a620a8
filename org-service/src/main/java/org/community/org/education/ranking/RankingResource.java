package org.community.org.education.ranking;

import java.time.YearMonth;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.community.org.education.account.MemberAccounts;
import org.community.org.education.program.Program;
import org.community.org.education.program.ProgramRepository;
import org.community.org.education.program.ProgramService;
import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.org.member.Member;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/education/rankings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Education: ranking", description = "The monthly ranking of a program's trainees: 优秀学员 and the reminder talks (约谈提醒)")
public class RankingResource {

    @Inject
    RankingService service;

    @Inject
    RankingRepository rankings;

    @Inject
    ProgramService programService;

    @Inject
    ProgramRepository programs;

    @Inject
    MemberAccounts accounts;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listEducationRanking", summary = "A program's ranking of a month, paged", description = "Every enrolled trainee by the credits earned in the "
            + "month (ties share a place), flagged `excellent` and `bottom` by the configured rule (`org.education.ranking.*`), with "
            + "the reminder talk when recorded. Readable where the program's unit is in scope.")
    public Page<RankingViews.Line> ranking(@QueryParam("programId") @NotNull UUID programId, @QueryParam("month") @Parameter(
            description = "YYYY-MM; this month when absent", example = "2024-12") String month, @Valid @BeanParam PageRequest page) {
        return lines(programId, month, null, page);
    }

    @GET
    @Path("excellent")
    @Operation(operationId = "listEducationExcellent", summary = "The excellent trainees (优秀学员) of a month, paged", description = "Within the configured top places (or top "
            + "percent of the trainees), with at least the configured minimum credits.")
    public Page<RankingViews.Line> excellent(@QueryParam("programId") @NotNull UUID programId, @QueryParam("month") String month,
            @Valid @BeanParam PageRequest page) {
        return lines(programId, month, "excellent", page);
    }

    @GET
    @Path("bottom")
    @Operation(operationId = "listEducationBottom", summary = "The bottom of a month's ranking, paged", description = "Within the configured last places (or last percent), "
            + "with at most the configured credits in the month: a reminder talk (约谈提醒) is due; `reminderTalk` shows it once recorded.")
    public Page<RankingViews.Line> bottom(@QueryParam("programId") @NotNull UUID programId, @QueryParam("month") String month,
            @Valid @BeanParam PageRequest page) {
        return lines(programId, month, "bottom", page);
    }

    @GET
    @Path("rule")
    @Operation(operationId = "getEducationRankingRule", summary = "The rule of a month's ranking", description = "Trainees, places and credit thresholds in force.")
    public RankingViews.Rule rule(@QueryParam("programId") @NotNull UUID programId, @QueryParam("month") String month) {
        programService.visible(programId);
        return service.rule(programId, service.month(month, "month"));
    }

    @GET
    @Path("mine")
    @Operation(operationId = "getMyEducationRanking", summary = "My own place in a program's ranking of a month", description = "For a signed-in member whose account is linked "
            + "and who is enrolled in the program; 404 otherwise.")
    public RankingViews.Mine mine(@QueryParam("programId") @NotNull UUID programId, @QueryParam("month") String month) {
        Member me = accounts.me().orElseThrow(() -> ProblemException.notFound("memberAccount", caller.subject()));
        Program program = programs.find(programId).orElseThrow(() -> ProblemException.notFound("program", programId));
        YearMonth m = service.month(month, "month");
        RankingViews.Rule rule = service.rule(program.id(), m);
        RankingViews.Line line = rankings.lines(program.id(), m, service.cut(rule), null, me.id(), PageRequest.of(0, 1)).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("program", programId));
        return new RankingViews.Mine(rule, line);
    }

    private Page<RankingViews.Line> lines(UUID programId, String month, String which, PageRequest page) {
        Program program = programService.visible(programId);
        YearMonth m = service.month(month, "month");
        RankingRepository.Cut cut = service.cut(service.rule(program.id(), m));
        return Page.of(rankings.lines(program.id(), m, cut, which, null, page), page, rankings.count(program.id(), m, cut, which));
    }
}
