package org.community.consultation.resolution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.conventions.http.PageRequest;

/** SQL for resolutions, objections and tasks. */
@ApplicationScoped
public class ResolutionRepository {

    private static final String SELECT = "select " + Resolution.COLUMNS + " from resolution ";

    public record Objection(UUID id, UUID resolutionId, String ownerName, String unitId, String text, Instant filedAt, String answer,
            String answeredBy, Instant answeredAt) {
    }

    public record Task(UUID id, UUID resolutionId, String title, String owner, LocalDate dueOn, int progress, String status, long version,
            Instant createdAt, Instant updatedAt) {
    }

    @Inject
    Db db;

    public Optional<Resolution> find(UUID id) {
        return db.one(SELECT + "where id = ?", Resolution::map, id);
    }

    public Optional<Resolution> lock(UUID id) {
        return db.one(SELECT + "where id = ? for update", Resolution::map, id);
    }

    /** Resolutions, of one topic when given, that pass {@code visible} (a condition with its arguments in {@code visibleArgs}). */
    public List<Resolution> list(UUID topicId, String visible, List<Object> visibleArgs, PageRequest page) {
        List<Object> args = new java.util.ArrayList<>(visibleArgs);
        String where = where(topicId, visible, args);
        args.add(page.size);
        args.add(page.offset());
        return db.list(SELECT + where + " order by created_at desc, id limit ? offset ?", Resolution::map, args.toArray());
    }

    public long count(UUID topicId, String visible, List<Object> visibleArgs) {
        List<Object> args = new java.util.ArrayList<>(visibleArgs);
        return db.count("select count(*) from resolution " + where(topicId, visible, args), args.toArray());
    }

    private static String where(UUID topicId, String visible, List<Object> args) {
        if (topicId == null) {
            return "where " + visible;
        }
        args.add(topicId);
        return "where " + visible + " and topic_id = ?";
    }

    public long countObjections(UUID resolutionId) {
        return db.count("select count(*) from objection where resolution_id = ?", resolutionId);
    }

    public List<Resolution> withProjects(UUID topicId) {
        return db.list(SELECT + "where topic_id = ? and project_id is not null order by project_started_at", Resolution::map, topicId);
    }

    public void insert(Resolution r) {
        db.update("insert into resolution (" + Resolution.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(),
                r.topicId(), r.text(), r.basis(), r.voteId(), r.consensus(), r.responsibleParty(), r.noticeDays(), r.status(),
                r.publishedAt(), r.noticeEndsAt(), r.projectId(), r.projectStatus(), r.projectTitle(), r.projectStartedAt(), r.createdBy(),
                r.version(), r.createdAt());
    }

    public void publish(UUID id, Instant at, Instant noticeEndsAt) {
        db.update("update resolution set status = 'PUBLISHED', published_at = ?, notice_ends_at = ?, version = version + 1 where id = ?", at,
                noticeEndsAt, id);
    }

    public void setProject(UUID id, String projectId, String status, String title, Instant at) {
        db.update("update resolution set project_id = ?, project_status = ?, project_title = ?, project_started_at = ?, version = version + 1"
                + " where id = ?", projectId, status, title, at, id);
    }

    public void insertObjection(Objection o) {
        db.update("insert into objection (id, resolution_id, owner_name, unit_id, text, filed_at) values (?, ?, ?, ?, ?, ?)", o.id(),
                o.resolutionId(), o.ownerName(), o.unitId(), o.text(), o.filedAt());
    }

    private static Objection objection(java.sql.ResultSet r) throws java.sql.SQLException {
        return new Objection(Db.uuid(r, "id"), Db.uuid(r, "resolution_id"), r.getString("owner_name"), r.getString("unit_id"),
                r.getString("text"), Db.instant(r, "filed_at"), r.getString("answer"), r.getString("answered_by"), Db.instant(r, "answered_at"));
    }

    public Optional<Objection> lockObjection(UUID resolutionId, UUID id) {
        return db.one("select * from objection where resolution_id = ? and id = ? for update", ResolutionRepository::objection, resolutionId, id);
    }

    public void answer(UUID id, String answer, String by, Instant at) {
        db.update("update objection set answer = ?, answered_by = ?, answered_at = ? where id = ?", answer, by, at, id);
    }

    public List<Objection> objections(UUID resolutionId) {
        return db.list("select * from objection where resolution_id = ? order by filed_at, id", ResolutionRepository::objection, resolutionId);
    }

    private static Task task(java.sql.ResultSet r) throws java.sql.SQLException {
        return new Task(Db.uuid(r, "id"), Db.uuid(r, "resolution_id"), r.getString("title"), r.getString("owner"), Db.date(r, "due_on"),
                r.getInt("progress"), r.getString("status"), r.getLong("version"), Db.instant(r, "created_at"), Db.instant(r, "updated_at"));
    }

    public void insertTask(Task t) {
        db.update("insert into resolution_task (id, resolution_id, title, owner, due_on, progress, status, version, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", t.id(), t.resolutionId(), t.title(), t.owner(), t.dueOn(), t.progress(), t.status(),
                t.version(), t.createdAt(), t.updatedAt());
    }

    public Optional<Task> lockTask(UUID resolutionId, UUID id) {
        return db.one("select * from resolution_task where resolution_id = ? and id = ? for update", ResolutionRepository::task, resolutionId,
                id);
    }

    public void updateTask(Task t) {
        db.update("update resolution_task set progress = ?, status = ?, version = ?, updated_at = ? where id = ?", t.progress(), t.status(),
                t.version(), t.updatedAt(), t.id());
    }

    public void insertProgress(UUID taskId, UUID id, int progress, String note, String actor, Instant at) {
        db.update("insert into task_progress (id, task_id, progress, note, actor, at) values (?, ?, ?, ?, ?, ?)", id, taskId, progress, note,
                actor, at);
    }

    public List<Task> tasks(UUID resolutionId) {
        return db.list("select * from resolution_task where resolution_id = ? order by created_at, id", ResolutionRepository::task,
                resolutionId);
    }

    public record Progress(int progress, String note, String actor, Instant at) {
    }

    public List<Progress> progress(UUID taskId) {
        return db.list("select progress, note, actor, at from task_progress where task_id = ? order by at, id",
                r -> new Progress(r.getInt(1), r.getString(2), r.getString(3), Db.instant(r, "at")), taskId);
    }
}
