package org.community.org.education.program;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.community.conventions.http.Preconditions;
import org.community.conventions.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/education/courses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Education: programs")
public class CourseResource {

    @Inject
    ProgramService service;

    @Inject
    ProgramRepository programs;

    @GET
    @Path("{id}")
    @Operation(operationId = "getCourse", summary = "Read a course", description = "With its teacher and the number of sessions.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramViews.Course.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        ProgramViews.Course course = programs.courseView(id).orElseThrow(() -> ProblemException.notFound("course", id));
        try {
            service.visible(course.programId());
        } catch (ProblemException e) {
            throw e.type.status == 404 ? ProblemException.notFound("course", id) : e;
        }
        return Preconditions.okWithEtag(request, course.version(), course);
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateCourse", summary = "Update a course", description = "Title, theme, teacher, hours, description; credits only while the program is "
            + "PLANNED (credits already earned stay as earned), the format only before it has sessions. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramViews.Course.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull CourseInput input) {
        service.updateCourse(id, input, ifMatch);
        ProgramViews.Course course = programs.courseView(id).orElseThrow();
        return Response.ok(course).tag(Preconditions.etag(course.version())).build();
    }

    @POST
    @Path("{id}/sessions")
    @Operation(operationId = "addCourseSession", summary = "Schedule a session of the course", description = "Inside the program's period, at venues of the program that "
            + "fit the course's format: IN_PERSON one or more classrooms, ONLINE none, VIDEO one main classroom and any sub-classrooms.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProgramViews.Session.class)), description = "Scheduled")
    public Response addSession(@PathParam("id") UUID id, @Valid @NotNull SessionInput input) {
        UUID sessionId = service.addSession(id, input);
        return Response.created(URI.create("/api/v1/education/sessions/" + sessionId)).entity(programs.sessionView(sessionId).orElseThrow())
                .build();
    }
}
