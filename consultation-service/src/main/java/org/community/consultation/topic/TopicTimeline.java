package org.community.consultation.topic;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.Times;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A topic's story in order: proposal, stage changes, meetings, votes, resolutions, objections, tasks,
 * projects and evaluations. One UNION ALL over the topic's own rows, each branch an index lookup by topic.
 */
@ApplicationScoped
public class TopicTimeline {

    @Schema(name = "TimelineEvent", description = "One event in a topic's story")
    public record Event(
            @Schema(description = "When it happened") OffsetDateTime at,
            @Schema(description = "What happened", enumeration = { "TOPIC_PROPOSED", "STAGE_CHANGED", "CONSENSUS_RECORDED",
                    "MEETING_SCHEDULED", "MEETING_HELD", "VOTE_OPENED", "VOTE_CLOSED", "RESOLUTION_PUBLISHED", "OBJECTION_FILED",
                    "OBJECTION_ANSWERED", "TASK_CREATED", "TASK_PROGRESS", "PROJECT_STARTED", "EVALUATED" })
            String kind,
            @Schema(nullable = true, description = "Id of the meeting, vote, resolution, task or evaluation concerned") UUID refId,
            @Schema(nullable = true, description = "A one-line description") String summary) {
    }

    /** The events shown to callers who read a topic as a public notice (not in their read scope). */
    public static final java.util.Set<String> PUBLIC_KINDS = java.util.Set.of("TOPIC_PROPOSED", "STAGE_CHANGED", "CONSENSUS_RECORDED",
            "VOTE_OPENED", "VOTE_CLOSED", "RESOLUTION_PUBLISHED", "OBJECTION_ANSWERED", "TASK_CREATED", "TASK_PROGRESS", "PROJECT_STARTED");

    private static final String SQL = """
            select * from (
              select created_at as at, 'TOPIC_PROPOSED' as kind, id as ref_id, proposer || ': ' || title as summary from topic where id = ?1
              union all
              select at, 'STAGE_CHANGED', id, from_stage || ' → ' || to_stage || ' (' || actor || '): ' || reason
                from topic_transition where topic_id = ?1
              union all
              select consensus_at, 'CONSENSUS_RECORDED', id, consensus_by || ': ' || consensus from topic where id = ?1 and consensus_at is not null
              union all
              select m.created_at, 'MEETING_SCHEDULED', m.id, m.format || ' ' || m.title || ' @ ' || m.place
                from meeting m join meeting_topic mt on mt.meeting_id = m.id where mt.topic_id = ?1
              union all
              select m.held_at, 'MEETING_HELD', m.id, m.title || ': ' || coalesce(m.minutes, '')
                from meeting m join meeting_topic mt on mt.meeting_id = m.id where mt.topic_id = ?1 and m.held_at is not null
              union all
              select opened_at, 'VOTE_OPENED', id, title || ' (' || rule || ', ' || total_owners || ' owners)' from vote where topic_id = ?1 and opened_at is not null
              union all
              select closed_at, 'VOTE_CLOSED', id, title || ': ' || coalesce(outcome, status) from vote where topic_id = ?1 and closed_at is not null
              union all
              select published_at, 'RESOLUTION_PUBLISHED', id, text from resolution where topic_id = ?1 and published_at is not null
              union all
              select o.filed_at, 'OBJECTION_FILED', o.id, o.owner_name || ': ' || o.text
                from objection o join resolution r on r.id = o.resolution_id where r.topic_id = ?1
              union all
              select o.answered_at, 'OBJECTION_ANSWERED', o.id, o.answered_by || ': ' || o.answer
                from objection o join resolution r on r.id = o.resolution_id where r.topic_id = ?1 and o.answered_at is not null
              union all
              select t.created_at, 'TASK_CREATED', t.id, t.title || ' (' || t.owner || ', due ' || t.due_on || ')'
                from resolution_task t join resolution r on r.id = t.resolution_id where r.topic_id = ?1
              union all
              select p.at, 'TASK_PROGRESS', t.id, t.title || ': ' || p.progress || '% ' || p.note
                from task_progress p join resolution_task t on t.id = p.task_id join resolution r on r.id = t.resolution_id where r.topic_id = ?1
              union all
              select project_started_at, 'PROJECT_STARTED', id, 'volunteer project ' || project_id || ': ' || project_title
                from resolution where topic_id = ?1 and project_started_at is not null
              union all
              select created_at, 'EVALUATED', id, participant || ': ' || rating || '/5' || coalesce(' ' || comment, '') from evaluation where topic_id = ?1
            ) e order by at, kind, ref_id
            """;

    @Inject
    Db db;

    public List<Event> of(UUID topicId) {
        return db.withConnection(connection -> {
            // the query names the topic id once per branch; JDBC has no named parameters, so ?1 is expanded here
            int branches = SQL.split("\\?1", -1).length - 1;
            try (var statement = connection.prepareStatement(SQL.replace("?1", "?"))) {
                for (int i = 1; i <= branches; i++) {
                    statement.setObject(i, topicId);
                }
                try (var rows = statement.executeQuery()) {
                    List<Event> events = new java.util.ArrayList<>();
                    while (rows.next()) {
                        events.add(new Event(Times.local(Db.instant(rows, "at")), rows.getString("kind"), Db.uuid(rows, "ref_id"),
                                rows.getString("summary")));
                    }
                    return events;
                }
            }
        });
    }
}
