package org.community.org.education.attendance;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/education/enrolments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Education: attendance")
public class EnrolmentResource {

    @Inject
    AttendanceService service;

    @Inject
    AttendanceRepository attendance;

    @Inject
    ProgramService programs;

    @Inject
    OrgUnitRepository units;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "enrolTrainees", summary = "Enrol trainees in a program", description = "Admin roles of the program's unit; not once CLOSED. `memberIds` "
            + "(members of the program's tree, up to 2,000) or `unitId` (every full and probationary member of that subtree). "
            + "Enrolling again counts as already enrolled.")
    @APIResponse(responseCode = "200", description = "Enrolled")
    public AttendanceViews.EnrolmentResult enrol(@Valid @NotNull AttendanceInputs.Enrolment input) {
        return service.enrol(input);
    }

    @GET
    @Operation(operationId = "listTrainees", summary = "The trainees of a program with their credits, paged", description = "Most credits first; `completed` when they "
            + "reach the program's required credits. `within` narrows to a subtree of the program's tree.")
    public Page<AttendanceViews.Trainee> trainees(@QueryParam("programId") @NotNull UUID programId,
            @QueryParam("within") @Parameter(description = "Members of this subtree only") UUID within, @Valid @BeanParam PageRequest page) {
        Program program = programs.visible(programId);
        String path = program.unitPath();
        if (within != null) {
            OrgUnit unit = units.find(within).orElseThrow(() -> ProblemException.invalidField("within", "unitUnknown", within));
            caller.requireIn(Access.RECORDS, unit.path());
            if (!Paths.isWithin(unit.path(), path)) {
                throw ProblemException.invalidField("within", "enrolmentOutside", unit.name(), program.unitName());
            }
            path = unit.path();
        }
        return Page.of(attendance.trainees(programId, program.requiredCredits(), path, page), page, attendance.countTrainees(programId, path));
    }
}
