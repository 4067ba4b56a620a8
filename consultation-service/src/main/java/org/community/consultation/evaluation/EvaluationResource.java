package org.community.consultation.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import org.community.conventions.http.Page;
import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.consultation.audit.AuditLog;
import org.community.conventions.problem.ProblemException;
import org.community.consultation.security.Caller;
import org.community.consultation.topic.Topic;
import org.community.consultation.topic.TopicAccess;
import org.community.consultation.topic.TopicRepository;
import org.community.consultation.topic.TopicStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Content;

/**
 * 评议: after implementation, participants rate the outcome 1–5 with a comment. Residents of the topic's community
 * rate it themselves (once per account); admin roles in scope enter ratings collected on paper or at a meeting.
 * Ratings are read by admin roles and grid workers in scope, and each caller reads their own; the summary becomes
 * public with the topic's closing (CLOSED).
 */
@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "评议: participants rate the outcome of a topic 1–5")
@ApplicationScoped
public class EvaluationResource {

    @Schema(name = "EvaluationInput", example = "{\"topicId\":\"0190f5a2-7c1e-7b7a-9c55-1f6e2b9d4a10\",\"participant\":\"3-1-502 张建国\","
            + "\"rating\":5,\"comment\":\"电梯运行平稳,老人出行方便多了\"}")
    public record EvaluationInput(@NotNull UUID topicId,
            @NotBlank @Size(max = 100) @Schema(description = "Who rates; once per topic") String participant,
            @NotNull @Min(1) @Max(5) Integer rating, @Size(max = 2000) String comment) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Evaluation")
    public record EvaluationView(UUID id, UUID topicId, String participant, int rating, @Schema(nullable = true) String comment, OffsetDateTime createdAt) {
    }

    @Schema(name = "EvaluationSummary", description = "Ratings of one topic")
    public record Summary(UUID topicId, long count,
            @Schema(nullable = true, description = "Mean rating, two decimals; absent without ratings") BigDecimal average,
            @Schema(description = "Number of ratings 1, 2, 3, 4 and 5") List<Long> distribution) {
    }

    /** "Now" for the records written here, on the same clock as the deadlines (tests move it). */
    @Inject
    Clock clock;

    @Inject
    TopicRepository topics;

    @Inject
    TopicAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @POST
    @Transactional
    @Operation(operationId = "createEvaluation", summary = "Rate a topic's outcome", description = "While the topic is in EVALUATION; once per participant and once per "
            + "account (409 on a second). By a caller of the topic's community (org units in or above its unit), or an admin role in "
            + "scope entering a participant's rating; 403 otherwise.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", schema = @Schema(implementation = EvaluationView.class)), description = "Recorded")
    @APIResponse(responseCode = "403", description = "The caller is not of the topic's community")
    public Response create(@Valid @NotNull EvaluationInput in) {
        Topic topic = topics.share(in.topicId()).orElseThrow(() -> ProblemException.invalidField("topicId", "topicUnknown", in.topicId()));
        if (!access.canRead(topic)) {
            throw ProblemException.invalidField("topicId", "topicUnknown", in.topicId());
        }
        boolean staff = access.administers(topic);
        caller.require(staff || caller.community(topic.orgPath()));
        // staff enter other people's ratings; a resident's own rating is theirs, once
        String account = staff ? null : caller.subject();
        if (account != null && Evaluation.count("topicId = ?1 and account = ?2", topic.id(), account) > 0) {
            throw ProblemException.conflictOnField("participant", "alreadyEvaluated", in.participant().trim());
        }
        if (topic.stage() != TopicStage.EVALUATION) {
            throw ProblemException.conflictOnField("topicId", "evaluationStage", topic.stage());
        }
        Evaluation evaluation = new Evaluation();
        evaluation.topicId = topic.id();
        evaluation.participant = in.participant().trim();
        evaluation.rating = in.rating();
        evaluation.comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().trim();
        evaluation.createdAt = clock.instant();
        evaluation.account = account;
        // a participant rated already: the unique key refuses it here, answered 409 naming participant (messages constraint.*)
        evaluation.persistAndFlush();
        UUID id = evaluation.id;
        audit.record("evaluation.create", "evaluation", id, topic.orgPath(), AuditLog.summary("topicId", topic.id(), "rating", in.rating()));
        return Response.created(URI.create("/api/v1/evaluations/" + id))
                .entity(view(evaluation)).build();
    }

    @GET
    @Operation(operationId = "listEvaluations", summary = "List evaluations", description = "Oldest first, optionally of one topic: those of topics inside the caller's "
            + "scope (admin roles and grid workers) and the caller's own.")
    public Page<EvaluationView> list(@QueryParam("topicId") UUID topicId, @Valid @BeanParam PageRequest page) {
        List<Object> params = new java.util.ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (caller.readScope().all()) {
            where.append("1 = 1");
        } else {
            where.append("(topicId in (select t.id from Topic t where ").append(caller.readScope().hql("t.orgPath", params)).append(")");
            if (caller.subject() != null) {
                params.add(caller.subject());
                where.append(" or account = ?").append(params.size());
            }
            where.append(')');
        }
        if (topicId != null) {
            params.add(topicId);
            where.append(" and topicId = ?").append(params.size());
        }
        PanacheQuery<Evaluation> query = Evaluation.find(where.toString(), Sort.by("createdAt").and("id"), params.toArray());
        long total = query.count();
        List<EvaluationView> items = query.page(page.page, page.size).<Evaluation>list().stream().map(EvaluationResource::view).toList();
        return Page.of(items, page, total);
    }

    @GET
    @Path("summary")
    @Operation(operationId = "getEvaluationSummary", summary = "Summary of a topic's ratings", description = "Count, mean and distribution. Admin roles and grid workers in "
            + "scope; public once the topic is CLOSED (403 before for other callers of a public topic).")
    public Summary summary(@QueryParam("topicId") @NotNull UUID topicId) {
        Topic topic = access.readable(topicId);
        caller.require(access.readsAll(topic) || topic.stage() == TopicStage.CLOSED);
        long[] counts = new long[5];
        for (Object[] row : Evaluation.getEntityManager()
                .createQuery("select rating, count(*) from Evaluation where topicId = ?1 group by rating", Object[].class)
                .setParameter(1, topicId).getResultList()) {
            counts[(Integer) row[0] - 1] = (Long) row[1];
        }
        long n = 0;
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            n += counts[i];
            sum += counts[i] * (i + 1);
        }
        BigDecimal average = n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        return new Summary(topicId, n, average, List.of(counts[0], counts[1], counts[2], counts[3], counts[4]));
    }

    private static EvaluationView view(Evaluation e) {
        return new EvaluationView(e.id, e.topicId, e.participant, e.rating, e.comment, Times.local(e.createdAt));
    }
}
