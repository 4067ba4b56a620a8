package org.community.consultation.topic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.consultation.db.Db;
import org.community.consultation.http.PageRequest;

/** SQL for topics and their stage log. */
@ApplicationScoped
public class TopicRepository {

    private static final String SELECT = "select " + Topic.COLUMNS + " from topic ";

    /** Filters of the topic list; an org path narrows to a subtree as a btree range. */
    public record Filter(String orgPath, TopicStage stage, TopicCategory category) {
    }

    public record Transition(UUID id, TopicStage from, TopicStage to, String actor, String reason, Instant at) {
    }

    @Inject
    Db db;

    public Optional<Topic> find(UUID id) {
        return db.one(SELECT + "where id = ?", Topic::map, id);
    }

    /** Reads and row-locks a topic about to change: concurrent changes of one topic queue here. */
    public Optional<Topic> lock(UUID id) {
        return db.one(SELECT + "where id = ? for update", Topic::map, id);
    }

    /** Reads a topic and holds its stage against a concurrent transition until the caller commits. */
    public Optional<Topic> share(UUID id) {
        return db.one(SELECT + "where id = ? for share", Topic::map, id);
    }

    public void insert(Topic t) {
        db.update("insert into topic (" + Topic.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.title(),
                t.description(), t.category(), t.scopeUnitId(), t.scopeName(), t.scopeLevel(), t.orgPath(), t.proposer(), t.stage(),
                t.consensus(), t.consensusBy(), t.consensusAt(), t.version(), t.createdAt(), t.updatedAt());
    }

    public void update(Topic t) {
        db.update("update topic set title = ?, description = ?, category = ?, stage = ?, consensus = ?, consensus_by = ?, consensus_at = ?,"
                + " version = ?, updated_at = ? where id = ?", t.title(), t.description(), t.category(), t.stage(), t.consensus(),
                t.consensusBy(), t.consensusAt(), t.version(), t.updatedAt(), t.id());
    }

    public void insertTransition(UUID topicId, Transition tr) {
        db.update("insert into topic_transition (id, topic_id, from_stage, to_stage, actor, reason, at) values (?, ?, ?, ?, ?, ?, ?)",
                tr.id(), topicId, tr.from(), tr.to(), tr.actor(), tr.reason(), tr.at());
    }

    public List<Transition> transitions(UUID topicId) {
        return db.list("select id, from_stage, to_stage, actor, reason, at from topic_transition where topic_id = ? order by at, id",
                row -> new Transition(Db.uuid(row, "id"), Db.enumValue(row, "from_stage", TopicStage.class),
                        Db.enumValue(row, "to_stage", TopicStage.class), row.getString("actor"), row.getString("reason"),
                        Db.instant(row, "at")), topicId);
    }

    private static final String WHERE = "where (?::text is null or (org_path >= ? and org_path < ?))"
            + " and (?::text is null or stage = ?) and (?::text is null or category = ?) ";

    public List<Topic> search(Filter f, PageRequest page) {
        return db.list(SELECT + WHERE + "order by created_at desc, id desc limit ? offset ?", Topic::map, args(f, page.size, page.offset()));
    }

    public long count(Filter f) {
        return db.count("select count(*) from topic " + WHERE, args(f));
    }

    private static Object[] args(Filter f, Object... more) {
        String upper = f.orgPath() == null ? null : f.orgPath() + "~";
        Object[] base = { f.orgPath(), f.orgPath(), upper, f.stage(), f.stage(), f.category(), f.category() };
        Object[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
