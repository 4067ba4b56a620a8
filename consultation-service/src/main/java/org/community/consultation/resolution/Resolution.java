package org.community.consultation.resolution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.community.conventions.db.Db;

/** 决议: what was decided, on what basis, who carries it out. */
public record Resolution(UUID id, UUID topicId, String text, Basis basis, UUID voteId, String consensus, String responsibleParty,
        int noticeDays, ResolutionStatus status, Instant publishedAt, Instant noticeEndsAt, String projectId, String projectStatus,
        String projectTitle, Instant projectStartedAt, String createdBy, long version, Instant createdAt) {

    static final String COLUMNS = "id, topic_id, text, basis, vote_id, consensus, responsible_party, notice_days, status, published_at,"
            + " notice_ends_at, project_id, project_status, project_title, project_started_at, created_by, version, created_at";

    static Resolution map(ResultSet r) throws SQLException {
        return new Resolution(Db.uuid(r, "id"), Db.uuid(r, "topic_id"), r.getString("text"), Db.enumValue(r, "basis", Basis.class),
                Db.uuid(r, "vote_id"), r.getString("consensus"), r.getString("responsible_party"), r.getInt("notice_days"),
                Db.enumValue(r, "status", ResolutionStatus.class), Db.instant(r, "published_at"), Db.instant(r, "notice_ends_at"),
                r.getString("project_id"), r.getString("project_status"), r.getString("project_title"), Db.instant(r, "project_started_at"),
                r.getString("created_by"), r.getLong("version"), Db.instant(r, "created_at"));
    }

    boolean inNotice(Instant now) {
        return status == ResolutionStatus.PUBLISHED && now.isBefore(noticeEndsAt);
    }
}
