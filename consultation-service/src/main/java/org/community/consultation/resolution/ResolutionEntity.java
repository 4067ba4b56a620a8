package org.community.consultation.resolution;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.UuidGenerator;

/**
 * The row of a resolution (table {@code resolution}), changed through {@link ResolutionService} under its row lock;
 * the rest of the service reads the immutable {@link Resolution} it gives. Objections, tasks and their progress are
 * rows of their own.
 */
@Entity(name = "Resolution")
@Table(name = "resolution")
public class ResolutionEntity {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    public UUID topicId;
    public String text;

    @Enumerated(EnumType.STRING)
    public Basis basis;

    public UUID voteId;
    public String consensus;
    public String responsibleParty;
    public int noticeDays;

    @Enumerated(EnumType.STRING)
    public ResolutionStatus status;

    public Instant publishedAt;
    public Instant noticeEndsAt;
    /** The volunteer-service project started from it: its id, last known status, title and when it was started. */
    public String projectId;
    public String projectStatus;
    public String projectTitle;
    public Instant projectStartedAt;
    public String createdBy;

    /** The ETag; new resolutions start at 1. */
    @Version
    public long version = 1;

    public Instant createdAt;

    public Resolution toResolution() {
        return new Resolution(id, topicId, text, basis, voteId, consensus, responsibleParty, noticeDays, status, publishedAt, noticeEndsAt,
                projectId, projectStatus, projectTitle, projectStartedAt, createdBy, version, createdAt);
    }
}
