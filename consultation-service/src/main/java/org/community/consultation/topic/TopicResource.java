package org.community.consultation.topic;

import java.net.URI;
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
import org.community.conventions.http.Times;
import org.community.consultation.orgunits.OrgUnits;
import org.community.conventions.problem.ProblemException;
import org.community.consultation.resolution.ResolutionProjects;
import org.community.consultation.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;

@Path("/api/v1/topics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "议题: proposal → joint review → public deliberation → resolution → implementation → evaluation")
public class TopicResource {

    @Inject
    TopicService service;

    @Inject
    TopicRepository topics;

    @Inject
    TopicTimeline timeline;

    @Inject
    OrgUnits orgUnits;

    @Inject
    ResolutionProjects projects;

    @Inject
    TopicAccess access;

    @Inject
    Caller caller;

    @Schema(name = "Transition", description = "One stage change: who and why")
    public record TransitionView(UUID id, @Schema(nullable = true) TopicStage from, TopicStage to, String actor, @Schema(nullable = true) String reason, java.time.OffsetDateTime at) {
    }

    @Schema(name = "Timeline", description = "A topic's story in order")
    public record TimelineView(UUID topicId, String title, TopicStage stage, List<TopicTimeline.Event> events) {
    }

    @POST
    @Operation(operationId = "createTopic", summary = "Propose a topic", description = "The scope unit is checked with org-service (503 when it cannot be asked) and snapshotted. "
            + "Any role may propose in the subtrees of its org units (CITY_ADMIN anywhere); 403 elsewhere or without org units.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TopicView.class)), description = "Created; Location and ETag set")
    @APIResponse(responseCode = "403", description = "The unit is outside the caller's org units")
    public Response create(@Valid @NotNull TopicInput input) {
        Topic topic = service.create(input);
        return Response.created(URI.create("/api/v1/topics/" + topic.id())).tag(Preconditions.etag(topic.version()))
                .entity(TopicView.of(topic, null)).build();
    }

    @GET
    @Operation(operationId = "listTopics", summary = "List topics", description = "Newest first; `within` keeps topics whose scope lies under an org unit. Admin roles "
            + "and grid workers see every topic in their scope; everybody sees topics from PUBLIC_DELIBERATION on (public notices) and "
            + "their own proposals. `within` only narrows: outside the caller's scope it lists the public topics there.")
    public Page<TopicView> list(@QueryParam("within") @Parameter(description = "Org unit id: only topics at or under it") UUID within,
            @QueryParam("stage") TopicStage stage, @QueryParam("category") TopicCategory category, @Valid @BeanParam PageRequest page) {
        String path = null;
        if (within != null) {
            path = orgUnits.pathOf(within).orElse(null);
            if (path == null) {
                return Page.of(List.of(), page, 0);
            }
        }
        TopicRepository.Filter filter = new TopicRepository.Filter(path, stage, category, caller.readScope(), caller.subject());
        return Page.of(topics.search(filter, page).stream().map(t -> TopicView.of(t, null)).toList(), page, topics.count(filter));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTopic", summary = "Read a topic", description = "With the status of volunteer projects its resolutions started (UNKNOWN when "
            + "volunteer-service cannot be asked, read with the caller's token). 404 for a topic the caller may not read.")
    @APIResponse(responseCode = "200", description = "Found", headers = @Header(name = "ETag"), content = @Content(mediaType = "application/json", schema = @Schema(implementation = TopicView.class)))
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Topic topic = find(id);
        return Preconditions.okWithEtag(request, topic.version(), TopicView.of(topic, projects.statusesOfTopic(id)));
    }

    @POST
    @Path("{id}/transitions")
    @Operation(operationId = "transitionTopic", summary = "Move a topic to another stage", description = "Requires If-Match. 409 for a move the stage machine does not allow "
            + "or whose guard fails: RESOLUTION needs a passed vote or a recorded consensus; IMPLEMENTATION a published resolution whose "
            + "notice period has ended with every objection answered; EVALUATION every task done.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TopicView.class)), description = "Moved")
    public Response transition(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TransitionRequest request) {
        Topic topic = service.transition(id, request, ifMatch);
        return Response.ok(TopicView.of(topic, null)).tag(Preconditions.etag(topic.version())).build();
    }

    @GET
    @Path("{id}/transitions")
    @Operation(operationId = "listTopicTransitions", summary = "Stage changes of a topic", description = "Oldest first, each with who and why; as readable as the topic.")
    public List<TransitionView> transitions(@PathParam("id") UUID id) {
        find(id);
        return topics.transitions(id).stream()
                .map(t -> new TransitionView(t.id(), t.from(), t.to(), t.actor(), t.reason(), Times.local(t.at()))).toList();
    }

    @POST
    @Path("{id}/consensus")
    @Operation(operationId = "recordTopicConsensus", summary = "Record a consensus", description = "While the topic is under review or deliberation; lets it move to RESOLUTION "
            + "without a vote. Requires If-Match.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TopicView.class)), description = "Recorded")
    public Response consensus(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ConsensusRequest request) {
        Topic topic = service.recordConsensus(id, request, ifMatch);
        return Response.ok(TopicView.of(topic, null)).tag(Preconditions.etag(topic.version())).build();
    }

    @GET
    @Path("{id}/timeline")
    @Operation(operationId = "getTopicTimeline", summary = "A topic's timeline", description = "Every stage change, meeting, vote, resolution, objection, task, project and "
            + "evaluation in order. Admin roles and grid workers in scope see every event; others (a public topic, their own proposal) "
            + "see the public ones: proposal, stage changes, consensus, votes opened and closed, published resolution, answers to "
            + "objections, tasks, progress and projects — no meetings, objectors or evaluators.")
    public TimelineView timeline(@PathParam("id") UUID id) {
        Topic topic = find(id);
        List<TopicTimeline.Event> events = timeline.of(id);
        if (!access.readsAll(topic)) {
            events = events.stream().filter(e -> TopicTimeline.PUBLIC_KINDS.contains(e.kind())).toList();
        }
        return new TimelineView(topic.id(), topic.title(), topic.stage(), events);
    }

    private Topic find(UUID id) {
        return access.readable(id);
    }
}
