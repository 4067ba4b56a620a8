package org.community.org.education.teacher;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import org.community.org.household.Phones;
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

@Path("/api/v1/education/teachers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Education: teachers", description = "The teacher pool (师资库) of a unit: internal and external teachers, specialties, courses taught")
public class TeacherResource {

    @Inject
    TeacherService service;

    @Inject
    TeacherRepository teachers;

    @Inject
    OrgUnitRepository units;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "addTeacher", summary = "Add a teacher to a unit's pool", description = "Admin roles inside their scope. INTERNAL: a member of the unit's "
            + "tree; EXTERNAL: a name and an affiliation. A member, or a name with its affiliation, is in a pool once (409).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeacherView.class)), description = "Added; Location and ETag set")
    public Response add(@Valid @NotNull TeacherInput input) {
        UUID id = service.add(input);
        Teacher teacher = teachers.find(id).orElseThrow();
        return Response.created(URI.create("/api/v1/education/teachers/" + id)).entity(view(teacher, true))
                .tag(Preconditions.etag(teacher.version())).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTeacher", summary = "Read a teacher", description = "With the courses they taught, newest program first.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeacherView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Teacher teacher = visible(id);
        return Preconditions.okWithEtag(request, teacher.version(), view(teacher, true));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateTeacher", summary = "Update a teacher", description = "Name (external), affiliation, title, specialties, phone, active; the pool unit, "
            + "the kind and the member stay. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TeacherView.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull TeacherInput input) {
        service.update(id, input, ifMatch);
        Teacher teacher = teachers.find(id).orElseThrow();
        return Response.ok(view(teacher, true)).tag(Preconditions.etag(teacher.version())).build();
    }

    @GET
    @Operation(operationId = "listTeachers", summary = "Teachers of the pools of a subtree, paged", description = "By name; filtered by kind, a specialty, active.")
    public Page<TeacherView> list(@QueryParam("within") @NotNull @Parameter(description = "Subtree root, its own pool included") UUID within,
            @QueryParam("kind") TeacherKind kind,
            @QueryParam("specialty") @Size(max = 50) @Parameter(description = "e.g. 基层党建") String specialty,
            @QueryParam("active") Boolean active, @Valid @BeanParam PageRequest page) {
        caller.require(Access.RECORDS);
        OrgUnit unit = units.find(within).orElseThrow(() -> ProblemException.notFound("orgUnit", within));
        caller.requireIn(Access.RECORDS, unit.path());
        String s = specialty == null || specialty.isBlank() ? null : specialty.trim();
        return Page.of(teachers.list(unit.path(), caller.scope(), kind, s, active, page).stream().map(t -> view(t, false)).toList(), page,
                teachers.count(unit.path(), caller.scope(), kind, s, active));
    }

    private Teacher visible(UUID id) {
        caller.require(Access.RECORDS);
        Teacher teacher = teachers.find(id).orElseThrow(() -> ProblemException.notFound("teacher", id));
        caller.requireVisible(Access.RECORDS, "teacher", id, teacher.unitPath());
        return teacher;
    }

    private TeacherView view(Teacher t, boolean withCourses) {
        return new TeacherView(t.id(), t.unitId(), t.unitName(), t.kind(), t.memberId(), t.name(), t.affiliation(), t.title(), t.specialties(),
                caller.seesPhones(t.unitPath()) ? t.phone() : Phones.mask(t.phone()), t.active(), t.version(),
                withCourses ? teachers.coursesTaught(t.id()) : null);
    }
}
