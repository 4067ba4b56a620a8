package org.community.consultation.resolution;

import java.time.Instant;
import java.util.ArrayList;
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

/**
 * Resolutions, their objections and tasks. Readers get the immutable {@link Resolution}; {@link ResolutionService}
 * changes the locked row.
 */
@ApplicationScoped
public class ResolutionRepository implements PanacheRepositoryBase<ResolutionEntity, UUID> {

    public Optional<Resolution> find(UUID id) {
        return findByIdOptional(id).map(ResolutionEntity::toResolution);
    }

    /** Reads and row-locks a resolution about to change (or to take an objection or task): changes of one resolution queue here. */
    public Optional<ResolutionEntity> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Which resolutions a list asks for: each part narrows when given; {@code orgPath} is the `within` unit's path. */
    public record Filter(UUID topicId, String orgPath, ResolutionStatus status, Scope readScope) {
    }

    /**
     * Resolutions the caller may see, narrowed by the filter: published ones, and every one of a topic inside the
     * read scope (btree ranges on the topic's org_path, like `within`).
     */
    public List<Resolution> list(Filter filter, PageRequest page) {
        return query(filter).page(page.page, page.size).list().stream().map(ResolutionEntity::toResolution).toList();
    }

    public long count(Filter filter) {
        return query(filter).count();
    }

    private PanacheQuery<ResolutionEntity> query(Filter f) {
        List<Object> params = new ArrayList<>();
        StringBuilder hql = new StringBuilder("1 = 1");
        if (!f.readScope().all()) {
            params.add(ResolutionStatus.PUBLISHED);
            hql.append(" and (status = ?").append(params.size()).append(" or topicId in (select t.id from Topic t where ")
                    .append(f.readScope().hql("t.orgPath", params)).append("))");
        }
        if (f.topicId() != null) {
            params.add(f.topicId());
            hql.append(" and topicId = ?").append(params.size());
        }
        if (f.orgPath() != null) {
            params.add(f.orgPath());
            params.add(f.orgPath() + "~");
            hql.append(" and topicId in (select t.id from Topic t where t.orgPath >= ?").append(params.size() - 1)
                    .append(" and t.orgPath < ?").append(params.size()).append(")");
        }
        if (f.status() != null) {
            params.add(f.status());
            hql.append(" and status = ?").append(params.size());
        }
        return find(hql.toString(), Sort.descending("createdAt").and("id", Sort.Direction.Ascending), params.toArray());
    }

    public List<Resolution> withProjects(UUID topicId) {
        return find("topicId = ?1 and projectId is not null", Sort.by("projectStartedAt"), topicId).stream()
                .map(ResolutionEntity::toResolution).toList();
    }

    public long countObjections(UUID resolutionId) {
        return Objection.count("resolutionId", resolutionId);
    }

    public Optional<Objection> lockObjection(UUID resolutionId, UUID id) {
        return Objection.<Objection>find("resolutionId = ?1 and id = ?2", resolutionId, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public List<Objection> objections(UUID resolutionId) {
        return Objection.list("resolutionId = ?1 order by filedAt, id", resolutionId);
    }

    public Optional<ResolutionTask> lockTask(UUID resolutionId, UUID id) {
        return ResolutionTask.<ResolutionTask>find("resolutionId = ?1 and id = ?2", resolutionId, id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<ResolutionTask> tasks(UUID resolutionId) {
        return ResolutionTask.list("resolutionId = ?1 order by createdAt, id", resolutionId);
    }

    /** A task's progress entries, oldest first. */
    public List<ResolutionView.ProgressView> history(UUID taskId) {
        return TaskProgress.<TaskProgress>list("taskId = ?1 order by at, id", taskId).stream().map(TaskProgress::view).toList();
    }

    // ---- the guards of a topic's stage machine (TopicService) ----

    /** Published resolutions of the topic whose notice period has ended by {@code now}. */
    public long noticeOver(UUID topicId, Instant now) {
        return count("topicId = ?1 and status = ?2 and noticeEndsAt <= ?3", topicId, ResolutionStatus.PUBLISHED, now);
    }

    public long unansweredObjections(UUID topicId) {
        return Objection.count("answeredAt is null and resolutionId in (select r.id from Resolution r where r.topicId = ?1)", topicId);
    }

    /** Tasks of the topic's resolutions not DONE yet. */
    public long openTasks(UUID topicId) {
        return ResolutionTask.count("status <> ?1 and resolutionId in (select r.id from Resolution r where r.topicId = ?2)",
                ResolutionTask.DONE, topicId);
    }
}
