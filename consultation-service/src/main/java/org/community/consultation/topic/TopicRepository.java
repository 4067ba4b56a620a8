package org.community.consultation.topic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;
import org.community.consultation.security.Scope;

/** SQL for topics and their stage log. */
@ApplicationScoped
public class TopicRepository {

    private static final String SELECT = "select " + Topic.COLUMNS + " from topic ";

    /**
     * Filters of the topic list; an org path narrows to a subtree as a btree range. What the caller may see: topics
     * inside {@code readScope}, topics in a public stage ({@link TopicStage#isPublic()}) and their own proposals.
     */
    public record Filter(String orgPath, TopicStage stage, TopicCategory category, Scope readScope, String account) {
    }

    public record Transition(UUID id, TopicStage from, TopicStage to, String actor, String reason, Instant at) {
    }

    @Inject
    Db db;

    /** The org path of a topic, which votes and resolutions are scoped by. */
    public String orgPathOf(UUID topicId) {
        return db.one("select org_path from topic where id = ?", row -> row.getString(1), topicId).orElseThrow();
    }

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
        db.update("insert into topic (" + Topic.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.title(),
                t.description(), t.category(), t.scopeUnitId(), t.scopeName(), t.scopeLevel(), t.orgPath(), t.proposer(), t.stage(),
                t.consensus(), t.consensusBy(), t.consensusAt(), t.version(), t.createdAt(), t.updatedAt(), t.proposedBy());
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

    public List<Topic> search(Filter f, PageRequest page) {
        List<Object> args = new java.util.ArrayList<>();
        String where = where(f, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list(SELECT + where + "order by created_at desc, id desc limit ? offset ?", Topic::map, args.toArray());
    }

    public long count(Filter f) {
        List<Object> args = new java.util.ArrayList<>();
        return db.count("select count(*) from topic " + where(f, args), args.toArray());
    }

    /**
     * Conditions built for the filters given, so each query the planner sees names only its own: the subtree and the
     * caller's scope are btree ranges on org_path, public stages an index range on stage.
     */
    private static String where(Filter f, List<Object> args) {
        StringBuilder sql = new StringBuilder("where true");
        if (f.orgPath() != null) {
            sql.append(" and org_path >= ? and org_path < ?");
            args.add(f.orgPath());
            args.add(f.orgPath() + "~");
        }
        if (f.stage() != null) {
            sql.append(" and stage = ?");
            args.add(f.stage());
        }
        if (f.category() != null) {
            sql.append(" and category = ?");
            args.add(f.category());
        }
        if (!f.readScope().all()) {
            sql.append(" and (").append(f.readScope().sql("org_path", args)).append(" or stage = any (?)");
            args.add(PUBLIC_STAGES);
            if (f.account() != null) {
                sql.append(" or proposed_by = ?");
                args.add(f.account());
            }
            sql.append(')');
        }
        return sql.append(' ').toString();
    }

    private static final String[] PUBLIC_STAGES = java.util.Arrays.stream(TopicStage.values()).filter(TopicStage::isPublic)
            .map(Enum::name).toArray(String[]::new);
}
