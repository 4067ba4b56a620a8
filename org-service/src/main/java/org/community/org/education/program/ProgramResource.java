package org.community.org.education.program;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Preconditions;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/education/programs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Education: programs", description = "Training programs (冬训春训) and their plan: venues, courses, sessions")
public class ProgramResource {

    @Inject
    ProgramService service;

    @Inject
    ProgramRepository programs;

    @Inject
    OrgUnitRepository units;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "createProgram", summary = "Create a program", description = "Admin roles inside their scope, for a unit with a party organization; "
            + "PLANNED. The name is unique per unit (409).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramViews.ProgramView.class)), description = "Created; Location and ETag set")
    public Response create(@Valid @NotNull ProgramInput input) {
        UUID id = service.create(input);
        return withEtag(Response.created(URI.create("/api/v1/education/programs/" + id)), id);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getProgram", summary = "Read a program", description = "With the number of courses, sessions and enrolled trainees.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramViews.ProgramView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Program program = service.visible(id);
        return Preconditions.okWithEtag(request, program.version(), programs.view(program));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateProgram", summary = "Update a program", description = "Name, description, period (every session must stay inside it), required "
            + "credits; the unit stays. Not once CLOSED. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramViews.ProgramView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ProgramInput input) {
        service.update(id, input, ifMatch);
        return withEtag(Response.ok(), id);
    }

    @POST
    @Path("{id}/transitions")
    @Operation(operationId = "transitionProgram", summary = "Open or close a program", description = "PLANNED → OPEN → CLOSED (PLANNED → CLOSED drops it). Attendance "
            + "and sign-in codes need OPEN; a CLOSED program's plan and records are final. Another move is 409.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramViews.ProgramView.class)), description = "Moved")
    public Response transition(@PathParam("id") UUID id, @Valid @NotNull ProgramTransition input) {
        service.transition(id, input.to());
        return withEtag(Response.ok(), id);
    }

    @GET
    @Operation(operationId = "listPrograms", summary = "Programs of a subtree, paged", description = "Programs of the unit and the units below it that the caller's "
            + "scope sees, newest first.")
    public Page<ProgramViews.ProgramView> list(@QueryParam("within") @NotNull @Parameter(description = "Subtree root") UUID within,
            @QueryParam("status") ProgramStatus status, @Valid @BeanParam PageRequest page) {
        caller.require(Access.RECORDS);
        OrgUnit unit = units.find(within).orElseThrow(() -> ProblemException.notFound("orgUnit", within));
        caller.requireIn(Access.RECORDS, unit.path());
        return Page.of(programs.list(unit.path(), caller.scope(), status, page).stream().map(programs::view).toList(), page,
                programs.count(unit.path(), caller.scope(), status));
    }

    @POST
    @Path("{id}/venues")
    @Operation(operationId = "addProgramVenue", summary = "Add a venue", description = "A classroom, or a main classroom (主课堂) or sub-classroom (分课堂) for video "
            + "courses, optionally hosted by another unit (its admins then record attendance there). Names are unique per program.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramViews.Venue.class)), description = "Added")
    public Response addVenue(@PathParam("id") UUID id, @Valid @NotNull VenueInput input) {
        UUID venueId = service.addVenue(id, input);
        return Response.created(URI.create("/api/v1/education/programs/" + id + "/venues")).entity(programs.venue(venueId).orElseThrow())
                .build();
    }

    @GET
    @Path("{id}/venues")
    @Operation(operationId = "listProgramVenues", summary = "The venues of a program", description = "Classrooms, then the main classroom, then sub-classrooms.")
    public List<ProgramViews.Venue> venues(@PathParam("id") UUID id) {
        service.visible(id);
        return programs.venues(id);
    }

    @POST
    @Path("{id}/courses")
    @Operation(operationId = "addProgramCourse", summary = "Add a course to the plan", description = "With a teacher of the pool of the program's unit, an ancestor or a "
            + "unit below it; hours, credits and format. Titles are unique per program.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramViews.Course.class)), description = "Added; Location and ETag set")
    public Response addCourse(@PathParam("id") UUID id, @Valid @NotNull CourseInput input) {
        UUID courseId = service.addCourse(id, input);
        ProgramViews.Course course = programs.courseView(courseId).orElseThrow();
        return Response.created(URI.create("/api/v1/education/courses/" + courseId)).entity(course).tag(Preconditions.etag(course.version()))
                .build();
    }

    @GET
    @Path("{id}/courses")
    @Operation(operationId = "listProgramCourses", summary = "The course plan of a program, paged", description = "By theme and title, with each course's sessions.")
    public Page<ProgramViews.Course> courses(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        service.visible(id);
        return Page.of(programs.courses(id, page), page, programs.countCourses(id));
    }

    @GET
    @Path("{id}/sessions")
    @Operation(operationId = "listProgramSessions", summary = "Sessions of a program, paged", description = "By start time; of one course, in a date range. Venues and "
            + "attendance per venue are on `GET /api/v1/education/sessions/{id}`.")
    public Page<ProgramViews.Session> sessions(@PathParam("id") UUID id, @QueryParam("courseId") UUID courseId,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to, @Valid @BeanParam PageRequest page) {
        service.visible(id);
        return Page.of(programs.sessions(id, courseId, from, to, page), page, programs.countSessions(id, courseId, from, to));
    }

    private Response withEtag(Response.ResponseBuilder builder, UUID id) {
        Program program = programs.find(id).orElseThrow();
        return builder.entity(programs.view(program)).tag(Preconditions.etag(program.version())).build();
    }
}
