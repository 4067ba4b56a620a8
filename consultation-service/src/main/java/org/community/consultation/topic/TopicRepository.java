package org.community.consultation.topic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import org.community.conventions.http.PageRequest;
import org.community.consultation.security.Scope;

/** Topics and their stage log. Readers get the immutable {@link Topic}; {@link TopicService} changes the locked row. */
@ApplicationScoped
public class TopicRepository implements PanacheRepositoryBase<TopicEntity, UUID> {

    /**
     * Filters of the topic list; an org path narrows to a subtree as a btree range. What the caller may see: topics
     * inside {@code readScope}, topics in a public stage ({@link TopicStage#isPublic()}) and their own proposals.
     */
    public record Filter(String orgPath, TopicStage stage, TopicCategory category, Scope readScope, String account) {
    }

    public record Transition(UUID id, TopicStage from, TopicStage to, String actor, String reason, Instant at) {
    }

    private static final List<TopicStage> PUBLIC_STAGES = Arrays.stream(TopicStage.values()).filter(TopicStage::isPublic).toList();

    /** The org path of a topic, which votes and resolutions are scoped by. */
    public String orgPathOf(UUID topicId) {
        return getEntityManager().createQuery("select t.orgPath from Topic t where t.id = ?1", String.class).setParameter(1, topicId)
                .getSingleResult();
    }

    public Optional<Topic> find(UUID id) {
        return findByIdOptional(id).map(TopicEntity::toTopic);
    }

    /** Reads and row-locks a topic about to change: concurrent changes of one topic queue here. */
    public Optional<TopicEntity> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Reads a topic and holds its stage against a concurrent transition until the caller commits ({@code for share}). */
    public Optional<Topic> share(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ).map(TopicEntity::toTopic);
    }

    public void addTransition(UUID topicId, TopicStage from, TopicStage to, String actor, String reason, Instant at) {
        TopicTransitionEntity transition = new TopicTransitionEntity();
        transition.topicId = topicId;
        transition.fromStage = from;
        transition.toStage = to;
        transition.actor = actor;
        transition.reason = reason;
        transition.at = at;
        getEntityManager().persist(transition);
    }

    public List<Transition> transitions(UUID topicId) {
        return getEntityManager().createQuery("from TopicTransition where topicId = ?1 order by at, id", TopicTransitionEntity.class)
                .setParameter(1, topicId).getResultStream().map(TopicTransitionEntity::toTransition).toList();
    }

    public List<Topic> search(Filter f, PageRequest page) {
        return query(f).page(page.page, page.size).list().stream().map(TopicEntity::toTopic).toList();
    }

    public long count(Filter f) {
        return query(f).count();
    }

    /**
     * Conditions built for the filters given, so each query the planner sees names only its own: the subtree and the
     * caller's scope are btree ranges on org_path, public stages an index range on stage.
     */
    private PanacheQuery<TopicEntity> query(Filter f) {
        List<Object> params = new ArrayList<>();
        StringBuilder hql = new StringBuilder("1 = 1");
        if (f.orgPath() != null) {
            params.add(f.orgPath());
            params.add(f.orgPath() + "~");
            hql.append(" and orgPath >= ?").append(params.size() - 1).append(" and orgPath < ?").append(params.size());
        }
        if (f.stage() != null) {
            params.add(f.stage());
            hql.append(" and stage = ?").append(params.size());
        }
        if (f.category() != null) {
            params.add(f.category());
            hql.append(" and category = ?").append(params.size());
        }
        if (!f.readScope().all()) {
            hql.append(" and (").append(f.readScope().hql("orgPath", params));
            params.add(PUBLIC_STAGES);
            hql.append(" or stage in ?").append(params.size());
            if (f.account() != null) {
                params.add(f.account());
                hql.append(" or proposedBy = ?").append(params.size());
            }
            hql.append(')');
        }
        return find(hql.toString(), Sort.descending("createdAt", "id"), params.toArray());
    }
}
