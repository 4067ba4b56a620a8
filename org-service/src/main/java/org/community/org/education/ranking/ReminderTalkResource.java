package org.community.org.education.ranking;

import java.net.URI;
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
import jakarta.ws.rs.core.Response;

import org.community.org.education.program.ProgramService;
import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Path("/api/v1/education/reminder-talks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Education: ranking")
public class ReminderTalkResource {

    @Inject
    RankingService service;

    @Inject
    ReminderTalks talks;

    @Inject
    ProgramService programs;

    @POST
    @Operation(operationId = "recordReminderTalk", summary = "Record a reminder talk (约谈提醒)", description = "Admin roles seeing the program's unit or the trainee's. Only "
            + "with a trainee at the bottom of that month's ranking (422 otherwise), not for a month to come; one talk per trainee, "
            + "program and month (409).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RankingViews.ReminderTalk.class)), description = "Recorded")
    public Response record(@Valid @NotNull ReminderTalkInput input) {
        RankingViews.ReminderTalk talk = service.recordTalk(input);
        return Response.created(URI.create("/api/v1/education/reminder-talks?programId=" + input.programId() + "&month=" + talk.month()))
                .entity(talk).build();
    }

    @GET
    @Operation(operationId = "listReminderTalks", summary = "Reminder talks of a program, paged", description = "Newest month first; of one month with `month`.")
    public Page<RankingViews.ReminderTalk> list(@QueryParam("programId") @NotNull UUID programId, @QueryParam("month") String month,
            @Valid @BeanParam PageRequest page) {
        programs.visible(programId);
        java.time.YearMonth m = month == null || month.isBlank() ? null : service.month(month, "month");
        return Page.of(talks.talks(programId, m, page), page, talks.countTalks(programId, m));
    }
}
