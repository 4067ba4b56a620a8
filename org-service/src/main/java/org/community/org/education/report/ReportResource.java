package org.community.org.education.report;

import java.time.LocalDate;
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

import org.community.org.education.program.Program;
import org.community.org.education.program.ProgramService;
import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Caller;
import org.community.org.tree.OrgUnit;
import org.community.org.tree.OrgUnitRepository;
import org.community.org.tree.Paths;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/education/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Education: reports", description = "Person-times trained, completion rates, teachers' loads")
public class ReportResource {

    @Inject
    ReportRepository reports;

    @Inject
    ProgramService programs;

    @Inject
    OrgUnitRepository units;

    @Inject
    Caller caller;

    @GET
    @Path("person-times")
    @Operation(operationId = "getEducationPersonTimes", summary = "Person-times trained (培训人次) in a subtree and period", description = "Attendances of the members of the "
            + "subtree (where they belong now) at sessions held from `from` to `to` inclusive, of all programs or one; with distinct "
            + "trainees, sessions, and the figures per month.")
    public ReportViews.PersonTimes personTimes(@QueryParam("within") @NotNull @Parameter(description = "Subtree root") UUID within,
            @QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to, @QueryParam("programId") UUID programId) {
        OrgUnit unit = unit(within);
        if (to.isBefore(from)) {
            throw ProblemException.badField("to", "reportToBeforeFrom");
        }
        long[] totals = reports.personTimes(unit.path(), from, to, programId);
        return new ReportViews.PersonTimes(unit.id(), unit.name(), from, to, programId, totals[0], totals[1], totals[2],
                reports.personTimesByMonth(unit.path(), from, to, programId));
    }

    @GET
    @Path("completion")
    @Operation(operationId = "getEducationCompletion", summary = "Completion rate of a program", description = "Enrolled trainees who reached the required credits, in the "
            + "subtree of `within` (the program's unit when absent) and per unit directly below it.")
    public ReportViews.Completion completion(@QueryParam("programId") @NotNull UUID programId, @QueryParam("within") UUID within) {
        Program program = programs.visible(programId);
        OrgUnit unit = unit(within == null ? program.unitId() : within);
        if (!Paths.isWithin(unit.path(), program.unitPath())) {
            throw ProblemException.invalidField("within", "enrolmentOutside", unit.name(), program.unitName());
        }
        long[] counts = reports.completion(programId, unit.path(), program.requiredCredits());
        return new ReportViews.Completion(programId, program.name(), program.requiredCredits(), unit.id(), unit.name(), counts[0], counts[1],
                ReportRepository.rate(counts[1], counts[0]), reports.completionByUnit(programId, unit.path(), program.requiredCredits()));
    }

    @GET
    @Path("teacher-loads")
    @Operation(operationId = "listTeacherLoads", summary = "Teachers' loads in a period, paged", description = "For programs of units in the subtree: per teacher the "
            + "courses, sessions held, hours taught and person-times, most hours first.")
    public Page<ReportViews.TeacherLoad> teacherLoads(@QueryParam("within") @NotNull UUID within, @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to, @Valid @BeanParam PageRequest page) {
        OrgUnit unit = unit(within);
        if (to.isBefore(from)) {
            throw ProblemException.badField("to", "reportToBeforeFrom");
        }
        return Page.of(reports.teacherLoads(unit.path(), from, to, page), page, reports.countTeacherLoads(unit.path(), from, to));
    }

    private OrgUnit unit(UUID id) {
        caller.require(Access.RECORDS);
        OrgUnit unit = units.find(id).orElseThrow(() -> ProblemException.notFound("orgUnit", id));
        caller.requireIn(Access.RECORDS, unit.path());
        return unit;
    }
}
